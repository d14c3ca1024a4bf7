package org.edgewise.core.internal.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.InterfaceUtils;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.DataKind;
import org.edgewise.api.tables.TableMetadata;

/**
 * A stack built slab by slab on disk (raw little-endian values in the run's temporary directory) and read back
 * lazily, so the output of a slab stage never has to fit in the heap. Float data is stored as float32, integer
 * data as int32, everything else as float64.
 */
public final class ScratchStack {

    private final Path file;
    private final String name;
    private final DataKind kind;
    private final FileChannel channel;
    private Class<? extends Dataset> type;
    private int[] sliceShape;
    private int length;
    private PhysicalMetadata metadata;
    private TableMetadata columns;
    private final List<double[]> angles = new ArrayList<>();

    /**
     * @param file where to write; created, must not exist
     * @param name the dataset name
     * @param kind what the stack is (projections concatenate their angles)
     * @throws IOException if the file cannot be created
     */
    public ScratchStack(Path file, String name, DataKind kind) throws IOException {
        this.file = file;
        this.name = name;
        this.kind = kind;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * @param slab the next slab along axis 0; same shape on the other axes as the previous ones
     * @throws IOException if it cannot be written
     */
    public void append(Dataset slab) throws IOException {
        int[] shape = slab.getShape();
        int[] rest = Arrays.copyOfRange(shape, 1, shape.length);
        if (type == null) {
            type = storageType(slab);
            sliceShape = rest;
            metadata = PhysicalMetadata.of(slab);
            columns = slab.getFirstMetadata(TableMetadata.class); // a table's column names, null otherwise
        } else if (!Arrays.equals(rest, sliceShape)) {
            throw new IllegalArgumentException("slab of '" + name + "' has shape " + Arrays.toString(shape)
                    + " but earlier slabs had " + Arrays.toString(sliceShape) + " after axis 0");
        }
        if (kind == DataKind.PROJECTIONS) {
            PhysicalMetadata.find(slab).filter(PhysicalMetadata::hasAngles).ifPresent(m -> angles.add(m.anglesDeg()));
        }
        Dataset values = DatasetUtils.copy(type, slab); // contiguous, even if the slab is a view
        int size = values.getSize();
        ByteBuffer buffer = ByteBuffer.allocate(size * bytes(type)).order(ByteOrder.LITTLE_ENDIAN);
        if (type == FloatDataset.class) {
            buffer.asFloatBuffer().put((float[]) values.getBuffer(), 0, size);
        } else if (type == IntegerDataset.class) {
            buffer.asIntBuffer().put((int[]) values.getBuffer(), 0, size);
        } else {
            buffer.asDoubleBuffer().put((double[]) values.getBuffer(), 0, size);
        }
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        length += shape[0];
    }

    /**
     * Closes the file for writing.
     *
     * @return the whole stack {@code [length, ...]}, lazily read, with the first slab's metadata (and all angles;
     *         and the column names of a table)
     * @throws IOException if the file cannot be closed
     */
    public ILazyDataset finish() throws IOException {
        channel.close();
        if (type == null) {
            throw new IllegalStateException("no slab was written to '" + name + "'");
        }
        int[] shape = new int[sliceShape.length + 1];
        shape[0] = length;
        System.arraycopy(sliceShape, 0, shape, 1, sliceShape.length);
        LazyDataset lazy = new LazyDataset(new Loader(file.toString(), type, shape), name, type, shape);
        PhysicalMetadata whole = metadata;
        if (!angles.isEmpty()) {
            double[] all = angles.stream().flatMapToDouble(Arrays::stream).toArray();
            whole = whole.withAnglesDeg(all, kind);
        }
        if (columns != null) {
            columns.attachTo(lazy);
        }
        return whole.attachTo(lazy);
    }

    /** Closes the file without producing a dataset (failed or cancelled runs). */
    public void abandon() {
        try {
            channel.close();
        } catch (IOException e) {
            // the whole temporary directory is deleted next
        }
    }

    private static Class<? extends Dataset> storageType(Dataset slab) {
        if (slab instanceof FloatDataset) {
            return FloatDataset.class;
        }
        if (InterfaceUtils.isInteger(slab.getClass()) && !(slab instanceof org.eclipse.january.dataset.LongDataset)) {
            return IntegerDataset.class;
        }
        return DoubleDataset.class;
    }

    private static int bytes(Class<? extends Dataset> type) {
        return type == DoubleDataset.class ? 8 : 4;
    }

    /** Reads whole rows along axis 0 from the file, then cuts out the requested box. */
    private static final class Loader implements ILazyLoader {

        private static final long serialVersionUID = 1L;

        private final String file;
        private final Class<? extends Dataset> type;
        private final int[] shape;

        Loader(String file, Class<? extends Dataset> type, int[] shape) {
            this.file = file;
            this.type = type;
            this.shape = shape.clone();
        }

        @Override
        public boolean isFileReadable() {
            return java.nio.file.Files.isReadable(Path.of(file));
        }

        @Override
        public IDataset getDataset(IMonitor monitor, SliceND slice) throws IOException {
            int first = slice.getStart()[0];
            int last = slice.getStop()[0];
            int step = slice.getStep()[0];
            if (step < 1) {
                throw new IOException("reversed slices of scratch data are not supported: " + slice);
            }
            int rows = Math.max(0, last - first);
            long rowSize = 1;
            for (int i = 1; i < shape.length; i++) {
                rowSize *= shape[i];
            }
            int count = Math.toIntExact(rows * rowSize);
            ByteBuffer buffer = ByteBuffer.allocate(count * bytes(type)).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ)) {
                long position = first * rowSize * bytes(type);
                while (buffer.hasRemaining()) {
                    int read = channel.read(buffer, position + buffer.position());
                    if (read < 0) {
                        throw new IOException("scratch file " + file + " is shorter than expected");
                    }
                }
            }
            buffer.flip();
            Object values;
            if (type == FloatDataset.class) {
                float[] array = new float[count];
                buffer.asFloatBuffer().get(array);
                values = array;
            } else if (type == IntegerDataset.class) {
                int[] array = new int[count];
                buffer.asIntBuffer().get(array);
                values = array;
            } else {
                double[] array = new double[count];
                buffer.asDoubleBuffer().get(array);
                values = array;
            }
            int[] blockShape = shape.clone();
            blockShape[0] = rows;
            Dataset block = DatasetFactory.createFromObject(type, values, blockShape);
            Slice[] within = new Slice[shape.length];
            within[0] = new Slice(slice.getStart()[0] - first, slice.getStop()[0] - first, step);
            for (int i = 1; i < shape.length; i++) {
                within[i] = new Slice(slice.getStart()[i], slice.getStop()[i], slice.getStep()[i]);
            }
            return block.getSlice(within);
        }
    }
}
