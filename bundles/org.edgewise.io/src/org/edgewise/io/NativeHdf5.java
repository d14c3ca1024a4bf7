package org.edgewise.io;

import java.nio.charset.StandardCharsets;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;

/** Small pieces shared by the writers that use the HDF Group's Java binding (handles are {@code long} ids). */
final class NativeHdf5 {

    private NativeHdf5() {
    }

    /** How one kind of handle is closed, e.g. {@code H5::H5Dclose}. */
    @FunctionalInterface
    interface Closer {
        void close(long handle) throws HDF5Exception;
    }

    /** Closes a handle on a path that is already failing: negative ids are skipped, a second error is dropped. */
    static void closeQuietly(long handle, Closer closer) {
        if (handle < 0) {
            return;
        }
        try {
            closer.close(handle);
        } catch (RuntimeException e) {
            // already failing; the first error is the one reported
        }
    }

    /** Writes a scalar, null-padded fixed-length string attribute (the bytes of {@code value} in UTF-8). */
    static void stringAttribute(long object, String name, String value) throws HDF5Exception {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long type = H5.H5Tcopy(HDF5Constants.H5T_C_S1);
        long space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
        try {
            H5.H5Tset_size(type, bytes.length);
            H5.H5Tset_strpad(type, HDF5Constants.H5T_STR_NULLPAD);
            long attribute = H5.H5Acreate(object, name, type, space, HDF5Constants.H5P_DEFAULT,
                    HDF5Constants.H5P_DEFAULT);
            try {
                H5.H5Awrite(attribute, type, bytes);
            } finally {
                H5.H5Aclose(attribute);
            }
        } finally {
            H5.H5Sclose(space);
            H5.H5Tclose(type);
        }
    }
}
