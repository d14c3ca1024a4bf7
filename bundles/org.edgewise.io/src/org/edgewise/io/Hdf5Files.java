package org.edgewise.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.edgewise.api.files.FileErrors;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;

/**
 * Opens HDF5 files for reading after checking them as files: every reader in {@code org.edgewise.io} opens through
 * here, so a missing, unreadable, empty, foreign or truncated file is reported the same way everywhere, before any
 * dataset is looked up (a truncated file would otherwise look like a file whose datasets are missing).
 * <pre>{@code
 * try (HdfFile hdf = Hdf5Files.open(file)) { ... }   // DataFileException: "a.h5: is truncated: ..."
 * }</pre>
 */
public final class Hdf5Files {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

    private Hdf5Files() {
    }

    /**
     * @param file an HDF5 file
     * @return it, opened with jhdf; close it
     * @throws DataFileException naming the file if it does not exist (or is a broken link), is a folder, cannot be
     *                           read, is empty, is not HDF5, is shorter than its HDF5 header declares, or jhdf cannot
     *                           open it
     */
    public static HdfFile open(Path file) throws DataFileException {
        checkFile(file);
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw new DataFileException(file, null, "is not a readable HDF5 file (" + FileErrors.explain(e) + ")",
                    e);
        }
    }

    /**
     * The checks of {@link #open} without opening the file with jhdf.
     *
     * @param file an HDF5 file
     * @throws DataFileException as {@link #open}
     */
    public static void checkFile(Path file) throws DataFileException {
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                String target;
                try {
                    target = String.valueOf(Files.readSymbolicLink(file));
                } catch (IOException e) {
                    target = "a file";
                }
                throw new DataFileException(file, null, "is a symbolic link to " + target + ", which does not exist");
            }
            throw new DataFileException(file, null, "file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new DataFileException(file, null, "is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, null, "is not a regular file");
        }
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            if (size == 0) {
                throw new DataFileException(file, null, "is empty (0 bytes)");
            }
            long offset = signatureOffset(channel, size);
            if (offset < 0) {
                throw new DataFileException(file, null, "is not an HDF5 file (no HDF5 signature)");
            }
            long declared;
            try {
                Superblock superblock = Superblock.readSuperblock(channel, offset);
                declared = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
            } catch (RuntimeException e) {
                throw new DataFileException(file, null, "is truncated or damaged: its HDF5 header cannot be read ("
                        + FileErrors.explain(e) + ")", e);
            }
            if (declared > size && declared < Long.MAX_VALUE / 2) {
                throw new DataFileException(file, null, String.format(java.util.Locale.ROOT, "is truncated: it has"
                        + " %d bytes, but its HDF5 header says the file ends at byte %d (%d bytes are missing); copy"
                        + " it again", size, declared, declared - size));
            }
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileException(file, null, "cannot be read: " + FileErrors.reason(e), e);
        }
    }

    /** @return the offset of the HDF5 signature (0, 512, 1024, 2048 ...), or −1 */
    private static long signatureOffset(FileChannel channel, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SIGNATURE.length);
        for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
            buffer.clear();
            channel.read(buffer, offset);
            if (Arrays.equals(buffer.array(), SIGNATURE)) {
                return offset;
            }
        }
        return -1;
    }
}
