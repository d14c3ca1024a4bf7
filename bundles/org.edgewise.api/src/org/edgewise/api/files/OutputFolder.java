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
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The output folder of one run: owned by that run alone while it works, and showing the run's files only when the
 * whole run succeeded. Every command, the workbench and batch runs write their results through it.
 * <ul>
 * <li>{@link #open} takes an exclusive lock on the folder ({@value #LOCK_FILE}, an operating-system file lock that
 * dies with its process): a second run into the same folder fails at once, naming the run that holds it. It refuses
 * a path that is a file, a folder it cannot create or write, a folder that holds one of the run's inputs, and a
 * folder that holds the results of a different command (the files of two runs are never mixed).</li>
 * <li>Everything is written into {@link #staging()}, a hidden folder inside the output folder (same file system,
 * so moves are renames).</li>
 * <li>{@link #commit()} moves each staged file and folder into place by one rename, replacing those of the same
 * names, removes what an earlier run of the same command wrote and this one did not (so the folder never holds a
 * mix of two runs), and records what it wrote ({@value #MANIFEST_FILE}).</li>
 * <li>{@link #close()} removes the staging folder and the lock, and, when nothing was committed, the folders that
 * {@link #open} created: a failed or cancelled run leaves the output location as it found it.</li>
 * </ul>
 * <pre>{@code
 * try (OutputFolder out = OutputFolder.open(Path.of("aligned"), "edgewise align", inputs)) {
 *     Files.writeString(out.staging().resolve("alignment.csv"), table);
 *     out.commit();
 * }
 * }</pre>
 */
public final class OutputFolder implements AutoCloseable {

    /** The lock file inside the output folder while a run owns it. */
    public static final String LOCK_FILE = ".edgewise.lock";
    /** What the last committed run wrote: its command and its files. */
    public static final String MANIFEST_FILE = ".edgewise-output";

    private static final String STAGING_PREFIX = ".edgewise-staging-";
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
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<String> previousEntries;
    private final Path staging;
    private boolean committed;
    private boolean closed;

    private OutputFolder(Path folder, String command, List<Path> created, FileChannel lockChannel, FileLock lock,
            List<String> previousEntries, Path staging) {
        this.folder = folder;
        this.command = command;
        this.created = created;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.previousEntries = previousEntries;
        this.staging = staging;
    }

    /**
     * Creates the folder if needed, checks it and locks it.
     *
     * @param folder  the output folder
     * @param command what writes it, e.g. {@code edgewise align}: named to a second run that finds the folder locked,
     *                and compared with the command of the results already there
     * @param inputs  the run's input files and folders: none may lie inside the output folder
     * @return the locked folder with an empty staging folder
     * @throws OutputException if the folder cannot be used (the message says why); nothing is left behind
     */
    public static OutputFolder open(Path folder, String command, Collection<Path> inputs) throws OutputException {
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputException(folder, "is a file, not a folder");
        }
        String description = describe(command);
        String heldHere = HELD.putIfAbsent(target, description);
        if (heldHere != null) {
            throw new OutputException(folder, "is in use by another run (" + heldHere + "); wait for it to finish or"
                    + " write to another folder");
        }
        List<Path> created;
        try {
            created = createFolders(folder, target);
        } catch (OutputException | RuntimeException e) {
            HELD.remove(target);
            throw e;
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            checkInputsOutside(folder, target, inputs);
            Path lockFile = target.resolve(LOCK_FILE);
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new OutputException(folder, "cannot be written: " + FileErrors.reason(e), e);
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
            List<String> previous = previousEntries(folder, target, command);
            Path staging;
            try {
                staging = Files.createTempDirectory(target, STAGING_PREFIX);
            } catch (IOException e) {
                throw new OutputException(folder, "cannot be written: " + FileErrors.reason(e), e);
            }
            return new OutputFolder(target, command, created, channel, lock, previous, staging);
        } catch (OutputException | RuntimeException e) {
            release(target, channel, lock);
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
     * Moves every staged file and folder into the output folder by one rename each, replacing files and folders of
     * the same names, and removes the files an earlier run of the same command left that this run did not write.
     * Staged entries whose names start with a dot (scratch space) are discarded.
     *
     * @return the files and folders now in place, in name order
     * @throws IOException naming the file if a move fails
     */
    public List<Path> commit() throws IOException {
        if (committed || closed) {
            throw new IllegalStateException("the output folder " + folder + " was committed or closed already");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(staging)) {
            entries = list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<String> names = entries.stream().map(p -> p.getFileName().toString()).toList();
        for (String stale : previousEntries) {
            if (!names.contains(stale) && isPlainName(stale)) {
                deleteRecursively(folder.resolve(stale));
            }
        }
        List<Path> placed = new ArrayList<>();
        for (Path entry : entries) {
            Path destination = folder.resolve(entry.getFileName().toString());
            try {
                if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
                    deleteRecursively(destination);
                }
                AtomicFiles.move(entry, destination);
            } catch (IOException e) {
                throw new OutputException(folder, "cannot move " + entry.getFileName() + " into place: "
                        + FileErrors.reason(e), e);
            }
            placed.add(destination);
        }
        writeManifest(names);
        committed = true;
        return placed;
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
            deleteRecursively(staging);
        } catch (IOException e) {
            // best effort: a hidden staging folder left behind holds no result
        }
        release(folder, lockChannel, lock);
        if (!committed) {
            removeCreated(created);
        }
    }

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
                String where = dir.equals(target) ? "" : " (at " + dir + ")";
                throw new OutputException(given, "cannot be created" + where + ": " + FileErrors.reason(e), e);
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

    private static List<String> previousEntries(Path given, Path target, String command) throws OutputException {
        Path manifest = target.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return List.of(); // not ours to interpret: leave the files alone
        }
        String previous = properties.getProperty(COMMAND_KEY, "");
        List<String> entries = new ArrayList<>();
        for (String name : properties.getProperty(ENTRIES_KEY, "").split("/")) {
            if (!name.isBlank() && Files.exists(target.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                entries.add(name);
            }
        }
        if (!previous.equals(command) && !entries.isEmpty()) {
            throw new OutputException(given, "holds the results of an earlier '" + previous + "' run ("
                    + String.join(", ", entries) + "); write to another folder or remove them first (the files of two"
                    + " different runs are never mixed in one folder)");
        }
        return entries;
    }

    private void writeManifest(List<String> names) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(COMMAND_KEY, command);
        properties.setProperty(ENTRIES_KEY, String.join("/", names));
        AtomicFiles.write(folder.resolve(MANIFEST_FILE), temporary -> {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by Edgewise: the files of the last run in this folder");
            }
        });
    }

    private static boolean isPlainName(String name) {
        return !name.contains("/") && !name.contains("\\") && !name.equals(".") && !name.equals("..")
                && !name.startsWith(".");
    }

    private static void release(Path folder, FileChannel channel, FileLock lock) {
        HELD.remove(folder);
        if (lock != null) {
            try {
                Files.deleteIfExists(folder.resolve(LOCK_FILE)); // while still holding it
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

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
