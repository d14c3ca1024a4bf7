package org.edgewise.io.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.sources.IDatasetSource;
import org.edgewise.api.sources.InputSpec;
import org.edgewise.api.stages.DataKind;
import org.edgewise.io.DataExchange;
import org.edgewise.io.DataExchangeReader;
import org.edgewise.io.DataFileException;
import org.edgewise.io.ScanCheck;

/**
 * Opens the projections, flats or darks of an APS Data Exchange scan for a pipeline, through
 * {@link DataExchangeReader}, after the file's {@link ScanCheck} (layout, angles, energy and pixel size with their
 * units, every frame read once, pixels without usable counts), with errors that name the file and the dataset path;
 * the check's caveats are the input's {@link #warnings}.
 * <p>
 * Takes inputs of kind {@code projections} whose path is {@code /exchange/data} (the default when the pipeline
 * gives none), {@code /exchange/data_white} or {@code /exchange/data_dark}. Projections are read lazily, slab by
 * slab along the angle axis, as float32 counts {@code [angle, row, column]} with the angles (degrees), energy
 * (keV) and pixel size (µm) attached; flats and darks {@code [frame, row, column]} are small and read whole.
 * An energy or pixel size in the pipeline file fills in what the file lacks; one that contradicts the file is an
 * error rather than an override, because a wrong energy would silently mislabel an element. Aligned scans written by
 * {@code edgewise align} (with {@link DataExchange#ALIGNMENT}) are left to the plain HDF5 source.
 */
public final class DataExchangeSource implements IDatasetSource {

    private static final Set<String> PATHS = Set.of(DataExchange.DATA, DataExchange.WHITE, DataExchange.DARK);

    @Override
    public boolean accepts(InputSpec spec, Path file) {
        if (file == null || spec.kind() != DataKind.PROJECTIONS) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean hdf5 = name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf") || name.endsWith(".nxs");
        // an aligned scan from 'edgewise align' holds line integrals and no flats: a plain HDF5 input
        return hdf5 && (spec.path() == null || PATHS.contains(spec.path())) && !DataExchange.isAligned(file);
    }

    @Override
    public ILazyDataset open(InputSpec spec, Path file) throws IOException {
        String path = spec.path() == null ? DataExchange.DATA : spec.path();
        ScanCheck.of(file); // every frame read once before the run (remembered: the flats and darks inputs reuse it)
        DataExchangeReader.Metadata supplied = DataExchangeReader.Metadata.of(
                spec.energyKev() == null ? Double.NaN : spec.energyKev(),
                spec.pixelSizeUm() == null ? Double.NaN : spec.pixelSizeUm());
        try (DataExchangeReader reader = DataExchangeReader.open(file, supplied)) {
            String unit = spec.valueUnit() != null ? spec.valueUnit() : "counts";
            PhysicalMetadata metadata = PhysicalMetadata.create(reader.pixelSizeUm(), reader.energyKev(), unit)
                    .withProvenanceStep("input:" + spec.name());
            if (DataExchange.WHITE.equals(path)) {
                return metadata.attachTo(named(reader.flats(), spec.name()));
            }
            if (DataExchange.DARK.equals(path)) {
                return metadata.attachTo(named(reader.darks(), spec.name()));
            }
            int[] shape = { reader.angleCount(), reader.rows(), reader.columns() };
            LazyDataset projections = new LazyDataset(new ProjectionLoader(file.toString()), spec.name(),
                    FloatDataset.class, shape);
            return metadata.withAnglesDeg(reader.anglesDeg(), DataKind.PROJECTIONS).attachTo(projections);
        }
    }

    /** @return the caveats of the file's {@link ScanCheck}, reported once: with its projections input */
    @Override
    public List<String> warnings(InputSpec spec, Path file) {
        String path = spec.path() == null ? DataExchange.DATA : spec.path();
        if (!DataExchange.DATA.equals(path)) {
            return List.of();
        }
        try {
            return ScanCheck.of(file).warnings();
        } catch (DataFileException e) {
            return List.of(); // open() has reported it
        }
    }

    private static Dataset named(FloatDataset frames, String name) {
        Dataset copy = frames.clone();
        copy.setName(name);
        return copy;
    }

    /** Reads whole projections for the requested angle range, then cuts rows and columns with January. */
    private static final class ProjectionLoader implements ILazyLoader {

        private static final long serialVersionUID = 1L;

        private final String file;

        ProjectionLoader(String file) {
            this.file = file;
        }

        @Override
        public boolean isFileReadable() {
            return java.nio.file.Files.isReadable(Path.of(file));
        }

        @Override
        public IDataset getDataset(IMonitor monitor, SliceND slice) throws IOException {
            int[] start = slice.getStart();
            int[] stop = slice.getStop();
            int[] step = slice.getStep();
            for (int s : step) {
                if (s < 1) {
                    throw new DataFileException(Path.of(file), DataExchange.DATA, "reversed slices are not supported: "
                            + slice);
                }
            }
            int count = stop[0] - start[0];
            if (count <= 0) {
                return org.eclipse.january.dataset.DatasetFactory.zeros(FloatDataset.class, slice.getShape());
            }
            // open() checked the whole file when the pipeline opened this input; a slab reads only its projections
            FloatDataset whole = DataExchangeReader.readProjections(Path.of(file), start[0], count);
            return whole.getSliceView(new Slice(0, count, step[0]), new Slice(start[1], stop[1], step[1]),
                    new Slice(start[2], stop[2], step[2])).getSlice();
        }
    }
}
