package org.edgewise.api.files;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The output folder of one run: owned by that run alone while it works, and showing the run's files only when the
 * whole run succeeded. Every command, the workbench and batch runs write their results through it.
 * <ul>
 * <li>{@link #open} takes an exclusive lock next to the folder ({@code .NAME.edgewise-lock} in its parent, an
 * operating-system file lock that dies with its process): a second run into the same folder fails at once, naming
 * the run that holds it. It refuses a path that is a file, a parent it cannot create or write, a folder that holds
 * one of the run's inputs, and a folder that holds anything but the results of an earlier run of the same command
 * (the files of two runs are never mixed).</li>
 * <li>Everything is written into {@link #staging()}, a hidden folder in the same parent (same file system, so the
 * final move is a rename).</li>
 * <li>{@link #commit()} records what was written ({@value #MANIFEST_FILE}) and moves the staging folder into place
 * by one rename; an earlier run's folder of the same command is first moved aside and removed afterwards.</li>
 * <li>{@link #close()} removes the staging folder and the lock, and, when nothing was committed, the parent folders
 * that {@link #open} created: a failed or cancelled run leaves the output location as it found it.</li>
 * </ul>
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.open(Path.of("aligned"), "edgewise align", inputs)) {
 *     Files.writeString(out.staging().resolve("alignment.csv"), table);
 *     out.commit();
 * }
 * }</pre>
 */
public final class OutputFolder implements AutoCloseable {

    /** The suffix of the lock file next to the output folder while a run owns it: {@code .NAME.edgewise-lock}. */
    public static final String LOCK_SUFFIX = ".edgewise-lock";
    /** What the last committed run wrote: its command and its files. */
    public static final String MANIFEST_FILE = ".edgewise-output";

    private static final String STAGING_SUFFIX = ".edgewise-staging-";
    private static final String ASIDE_SUFFIX = ".edgewise-replaced-";
    private static final String COMMAND_KEY = "command";
    private static final String ENTRIES_KEY = "entries";
    /**
     * Folders locked by this process. Checked before the lock file is touched: on Linux, closing any channel of a
     * file releases every lock the process holds on it, so a second run in the same process must not open it.
     */
    private static final ConcurrentHashMap<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path folder;
    private final String command;
    private final List<Path> created;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;
    private boolean committed;
    private boolean closed;

    private OutputFolder(Path folder, String command, List<Path> created, Path lockFile, FileChannel lockChannel,
            FileLock lock, Path staging) {
        this.folder = folder;
        this.command = command;
        this.created = created;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staging = staging;
    }

    /**
     * Checks the folder, creates its parent if needed, locks it and makes an empty staging folder next to it.
     *
     * @param folder  the output folder (need not exist)
     * @param command what writes it, e.g. {@code edgewise align}: named to a second run that finds the folder locked,
     *                and compared with the command of the results already there
     * @param inputs  the run's input files and folders: none may lie inside the output folder
     * @return the locked folder with an empty staging folder
     * @throws OutputException if the folder cannot be used (the message says why); nothing is left behind
     */
    public static OutputFolder open(Path folder, String command, Collection<Path> inputs) throws OutputException {
        Path target = folder.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new OutputException(folder, "is the root of the file system; give a folder inside it");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputException(folder, "is a file, not a folder");
        }
        String description = describe(command);
        String heldHere = HELD.putIfAbsent(target, description);
        if (heldHere != null) {
            throw new OutputException(folder, "is in use by another run (" + heldHere + "); wait for it to finish or"
                    + " write to another folder");
        }
        for (Path p = target.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    HELD.remove(target);
                    throw new OutputException(folder, "cannot be created: " + p + " is a file, not a folder");
                }
                break;
            }
        }
        List<Path> created;
        try {
            created = createFolders(folder, target.getParent());
        } catch (OutputException | RuntimeException e) {
            HELD.remove(target);
            throw e;
        }
        Path lockFile = target.resolveSibling("." + target.getFileName() + LOCK_SUFFIX);
        FileChannel channel = null;
        FileLock lock = null;
        try {
            checkInputsOutside(folder, target, inputs);
            if (Files.isDirectory(target) && !Files.isWritable(target)) {
                throw new OutputException(folder, "cannot be written: permission denied");
            }
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new OutputException(folder, "cannot be written (its parent folder " + target.getParent()
                        + ": " + FileErrors.reason(e) + ")", e);
            }
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this process
            } catch (IOException e) {
                throw new OutputException(folder, "cannot be locked: " + FileErrors.reason(e), e);
            }
            if (lock == null) {
                throw new OutputException(folder, "is in use by another run (" + holder(channel) + "); wait for it"
                        + " to finish or write to another folder");
            }
            writeHolder(folder, channel, description);
            checkContents(folder, target, command);
            Path staging;
            try {
                staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + STAGING_SUFFIX);
            } catch (IOException e) {
                throw new OutputException(folder, "cannot be written (its parent folder " + target.getParent()
                        + ": " + FileErrors.reason(e) + ")", e);
            }
            return new OutputFolder(target, command, created, lockFile, channel, lock, staging);
        } catch (OutputException | RuntimeException e) {
            release(target, lockFile, channel, lock);
            removeCreated(created);
            throw e;
        }
    }

    /** @return the output folder (absolute) */
    public Path folder() {
        return folder;
    }

    /** @return where the run writes everything; moved into {@link #folder()} by {@link #commit()} */
    public Path staging() {
        return staging;
    }

    /**
     * Records what was staged ({@value #MANIFEST_FILE}) and moves the staging folder into place by one rename. An
     * earlier run's folder (of the same command, checked by {@link #open}) is moved aside first and removed after.
     * Staged entries whose names start with a dot (scratch space) are removed first.
     *
     * @return the files and folders now in the output folder, in name order
     * @throws IOException naming the folder if the move fails (the earlier results are then put back)
     */
    public List<Path> commit() throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("the output folder " + folder + " was committed or closed already");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(staging)) {
            entries = list.sorted().toList();
        }
        List<String> names = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                FileTrees.delete(entry);
            } else {
                names.add(name);
            }
        }
        writeManifest(names);
        Path aside = null;
        try {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                aside = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + ASIDE_SUFFIX);
                Files.delete(aside);
                AtomicFiles.move(folder, aside);
            }
            AtomicFiles.move(staging, folder);
        } catch (IOException e) {
            if (aside != null && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && Files.exists(aside)) {
                AtomicFiles.move(aside, folder);
            }
            throw new OutputException(folder, "cannot be put in place: " + FileErrors.reason(e), e);
        }
        committed = true;
        if (aside != null) {
            FileTrees.delete(aside);
        }
        return names.stream().map(folder::resolve).toList();
    }

    /**
     * Removes the staging folder and the lock; when nothing was committed, also the folders {@link #open} created
     * (if they are still empty). Never throws: a failed or cancelled run must still clean up.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            // best effort: a hidden staging folder left behind holds no result
        }
        release(folder, lockFile, lockChannel, lock);
        if (!committed) {
            removeCreated(created);
        }
    }

    /** Creates {@code target} and its missing parents; returns the created folders, deepest first. */
    private static List<Path> createFolders(Path given, Path target) throws OutputException {
        List<Path> missing = new ArrayList<>();
        for (Path p = target; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        for (int i = missing.size() - 1; i >= 0; i--) {
            Path dir = missing.get(i);
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                removeCreated(missing.subList(i + 1, missing.size()));
                throw new OutputException(given, "cannot be created (at " + dir + "): " + FileErrors.reason(e), e);
            }
        }
        return missing; // deepest first
    }

    private static void checkInputsOutside(Path given, Path target, Collection<Path> inputs) throws OutputException {
        Path real = realPath(target);
        for (Path input : inputs) {
            Path absolute = realPath(input.toAbsolutePath().normalize());
            if (absolute.startsWith(real)) {
                throw new OutputException(given, "holds the input " + input + "; write the output to a folder"
                        + " outside the inputs, which are never changed");
            }
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(1024);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "a run that is starting" : text.replace('\n', ' ');
        } catch (IOException e) {
            return "a run whose description cannot be read";
        }
    }

    private static String describe(String command) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "this machine";
        }
        return command + ", process " + ProcessHandle.current().pid() + " on " + host + ", started "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void writeHolder(Path given, FileChannel channel, String text) throws OutputException {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            throw new OutputException(given, "cannot be written: " + FileErrors.reason(e), e);
        }
    }

    /**
     * An existing output folder may be empty or hold the results of an earlier run of the same command (they are
     * replaced as a whole); anything else would be mixed with or lost under this run's files.
     */
    private static void checkContents(Path given, Path target, String command) throws OutputException {
        if (!Files.isDirectory(target)) {
            return;
        }
        List<String> present;
        try (Stream<Path> list = Files.list(target)) {
            present = list.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MANIFEST_FILE)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new OutputException(given, "cannot be read: " + FileErrors.reason(e), e);
        }
        if (present.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        Path manifest = target.resolve(MANIFEST_FILE);
        if (Files.isRegularFile(manifest)) {
            try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                properties.clear(); // not ours to interpret
            }
        }
        String previous = properties.getProperty(COMMAND_KEY);
        if (previous == null) {
            throw new OutputException(given, "is not empty and holds no Edgewise results (" + list(present) + ");"
                    + " write to a new or empty folder, so that nothing else is mixed with or lost under the results");
        }
        if (!previous.equals(command)) {
            throw new OutputException(given, "holds the results of an earlier '" + previous + "' run ("
                    + list(present) + "); write to another folder or remove them first (the files of two different"
                    + " runs are never mixed in one folder)");
        }
        List<String> written = List.of(properties.getProperty(ENTRIES_KEY, "").split("/"));
        List<String> foreign = present.stream().filter(n -> !written.contains(n)).toList();
        if (!foreign.isEmpty()) {
            throw new OutputException(given, "holds files that the earlier '" + previous + "' run did not write ("
                    + list(foreign) + "); move them away or write to another folder (the folder is replaced as a"
                    + " whole)");
        }
    }

    private static String list(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private void writeManifest(List<String> names) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(COMMAND_KEY, command);
        properties.setProperty(ENTRIES_KEY, String.join("/", names));
        AtomicFiles.write(staging.resolve(MANIFEST_FILE), temporary -> {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by Edgewise: the files of the last run in this folder");
            }
        });
    }

    private static void release(Path folder, Path lockFile, FileChannel channel, FileLock lock) {
        HELD.remove(folder);
        if (lock != null) {
            try {
                Files.deleteIfExists(lockFile); // while still holding it
                lock.release();
            } catch (IOException e) {
                // the lock dies with the channel below
            }
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    /** Removes folders created for a run that did not commit, deepest first, while they are empty. */
    private static void removeCreated(List<Path> created) {
        for (Path dir : created) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                return; // not empty: someone else wrote there
            }
        }
    }
}
