package org.edgewise.io.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.ByteDataset;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.LongDataset;
import org.eclipse.january.dataset.ShortDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataExchange;
import org.edgewise.io.ResultsFile;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;

/**
 * Opens one dataset of an HDF5 file ({@code .h5}, {@code .hdf5}, {@code .hdf}, {@code .nxs}) lazily with jhdf:
 * only the slabs a stage asks for are read.
 * <p>
 * Metadata the pipeline file does not give is taken from the file, first found wins: pixel size (µm) from the APS
 * Data Exchange location {@link DataExchange#PIXEL_SIZE}, or the {@code pixel_size_um} attribute of the dataset or
 * of its group (an Edgewise results file, {@link ResultsFile}); energy (keV) likewise from
 * {@link DataExchange#ENERGY} or {@code energy_kev}; the value unit from the dataset's {@code units} attribute
 * ({@code value_unit} in results files written before the NeXus layout); projection angles (degrees) from
 * {@link DataExchange#THETA}, or the {@code angle} axis beside the dataset in a results file. A pixel size is
 * required except for tables; energy may be missing (NaN).
 */
public final class Hdf5DatasetSource implements IDatasetSource {

    @Override
    public boolean accepts(InputSpec spec, Path file) {
        if (file == null) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf") || name.endsWith(".nxs");
    }

    @Override
    public ILazyDataset open(InputSpec spec, Path file) throws IOException {
        String path = spec.path() == null ? DataExchange.DATA : spec.path();
        try (HdfFile hdf = new HdfFile(file)) {
            io.jhdf.api.Dataset data = dataset(hdf, path, spec, file);
            int[] shape = data.getDimensions();
            if (shape.length != spec.kind().rank()) {
                throw new IOException("input '" + spec.name() + "': " + path + " in " + file + " has shape "
                        + Arrays.toString(shape) + " but " + spec.kind().describe() + " needs rank "
                        + spec.kind().rank());
            }
            Class<? extends Dataset> type = januaryType(data.getJavaType(), spec, path);
            LazyDataset lazy = new LazyDataset(new Loader(file.toString(), path, type), spec.name(), type, shape);

            double pixelSizeUm = spec.pixelSizeUm() != null ? spec.pixelSizeUm()
                    : number(hdf, DataExchange.PIXEL_SIZE, data, "pixel_size_um");
            if (Double.isNaN(pixelSizeUm) && spec.kind() != DataKind.TABLE) {
                throw new IOException("input '" + spec.name() + "': pixel size unknown; " + file + " has no "
                        + DataExchange.PIXEL_SIZE + " and the pipeline gives no pixelSizeUm");
            }
            double energyKev = spec.energyKev() != null ? spec.energyKev()
                    : number(hdf, DataExchange.ENERGY, data, "energy_kev");
            // results before the NeXus layout carried value_unit; NeXus, Data Exchange and most files carry units
            String unit = spec.valueUnit() != null ? spec.valueUnit()
                    : text(data, "units", text(data, "value_unit", "counts"));
            PhysicalMetadata metadata = PhysicalMetadata.create(pixelSizeUm, energyKev, unit)
                    .withProvenanceStep("input:" + spec.name());
            if (spec.kind() == DataKind.PROJECTIONS || spec.kind() == DataKind.SINOGRAMS) {
                Node angles = spec.anglesPath() != null ? find(hdf, spec.anglesPath()) : find(hdf, DataExchange.THETA);
                if (angles == null && spec.anglesPath() == null && data.getParent() != null) {
                    // a results file: the NXdata axis, or angles_deg in files written before the NeXus layout
                    angles = data.getParent().getChild("angle");
                    angles = angles != null ? angles : data.getParent().getChild("angles_deg");
                }
                if (angles instanceof io.jhdf.api.Dataset anglesData) {
                    double[] anglesDeg = toDoubles(anglesData.getDataFlat());
                    int angleAxis = spec.kind().axes().indexOf("angle");
                    if (anglesDeg.length != shape[angleAxis]) {
                        throw new IOException("input '" + spec.name() + "': " + anglesData.getPath() + " has "
                                + anglesDeg.length + " angles but the data has " + shape[angleAxis]);
                    }
                    metadata = metadata.withAnglesDeg(anglesDeg, spec.kind());
                } else if (spec.anglesPath() != null) {
                    throw new IOException("input '" + spec.name() + "': no angles at " + spec.anglesPath() + " in "
                            + file);
                }
            }
            return metadata.attachTo(lazy);
        } catch (RuntimeException e) {
            throw new IOException("input '" + spec.name() + "': cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Node find(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) { // jhdf throws HdfInvalidPathException for a missing path
            return null;
        }
    }

    private static io.jhdf.api.Dataset dataset(HdfFile hdf, String path, InputSpec spec, Path file)
            throws IOException {
        Node node = find(hdf, path);
        if (!(node instanceof io.jhdf.api.Dataset dataset)) {
            throw new IOException("input '" + spec.name() + "': " + file + " has no dataset " + path);
        }
        return dataset;
    }

    private static Class<? extends Dataset> januaryType(Class<?> javaType, InputSpec spec, String path)
            throws IOException {
        if (javaType == double.class) {
            return DoubleDataset.class;
        } else if (javaType == float.class) {
            return FloatDataset.class;
        } else if (javaType == int.class) {
            return IntegerDataset.class;
        } else if (javaType == short.class) {
            return ShortDataset.class;
        } else if (javaType == byte.class) {
            return ByteDataset.class;
        } else if (javaType == long.class) {
            return LongDataset.class;
        }
        throw new IOException("input '" + spec.name() + "': " + path + " holds " + javaType.getSimpleName()
                + " values, not numbers");
    }

    private static double number(HdfFile hdf, String path, io.jhdf.api.Dataset data, String attribute) {
        Node node = find(hdf, path);
        if (node instanceof io.jhdf.api.Dataset dataset) {
            double[] values = toDoubles(dataset.getDataFlat());
            if (values.length > 0) {
                return values[0];
            }
        }
        for (Node holder : new Node[] { data, data.getParent() }) {
            io.jhdf.api.Attribute value = holder == null ? null : holder.getAttribute(attribute);
            if (value != null && value.getData() instanceof Number number) {
                return number.doubleValue();
            }
        }
        return Double.NaN;
    }


    private static String text(io.jhdf.api.Dataset data, String attribute, String fallback) {
        io.jhdf.api.Attribute value = data.getAttribute(attribute);
        return value != null && value.getData() instanceof String text ? text : fallback;
    }

    private static double[] toDoubles(Object flat) {
        if (flat instanceof Number number) {
            return new double[] { number.doubleValue() };
        }
        Dataset dataset = DatasetFactory.createFromObject(flat);
        return (double[]) dataset.cast(DoubleDataset.class).getBuffer();
    }

    /** Reads the bounding box of a slice with jhdf's hyperslab read, then applies any steps with January. */
    private static final class Loader implements ILazyLoader {

        private static final long serialVersionUID = 1L;

        private final String file;
        private final String path;
        private final Class<? extends Dataset> type;

        Loader(String file, String path, Class<? extends Dataset> type) {
            this.file = file;
            this.path = path;
            this.type = type;
        }

        @Override
        public boolean isFileReadable() {
            return java.nio.file.Files.isReadable(Path.of(file));
        }

        @Override
        public IDataset getDataset(IMonitor monitor, SliceND slice) throws IOException {
            int rank = slice.getSourceShape().length;
            int[] start = slice.getStart();
            int[] stop = slice.getStop();
            int[] step = slice.getStep();
            long[] offset = new long[rank];
            int[] box = new int[rank];
            boolean stepped = false;
            for (int i = 0; i < rank; i++) {
                if (step[i] < 1) {
                    throw new IOException("reversed slices of " + path + " are not supported: " + slice);
                }
                offset[i] = start[i];
                box[i] = Math.max(0, stop[i] - start[i]);
                stepped |= step[i] != 1;
            }
            Dataset result;
            try (HdfFile hdf = new HdfFile(Path.of(file))) {
                io.jhdf.api.Dataset data = (io.jhdf.api.Dataset) hdf.getByPath(path);
                if (Arrays.stream(box).anyMatch(n -> n == 0)) {
                    result = DatasetFactory.zeros(type, slice.getShape());
                } else {
                    Object values = data.getData(offset, box);
                    result = DatasetFactory.createFromObject(type, values).reshape(box);
                }
            } catch (RuntimeException e) {
                throw new IOException("cannot read " + path + " from " + file + ": " + e.getMessage(), e);
            }
            if (stepped) {
                org.eclipse.january.dataset.Slice[] within = new org.eclipse.january.dataset.Slice[rank];
                for (int i = 0; i < rank; i++) {
                    within[i] = new org.eclipse.january.dataset.Slice(start[i] - (int) offset[i],
                            stop[i] - (int) offset[i], step[i]);
                }
                result = result.getSlice(within);
            }
            return result;
        }
    }
}
