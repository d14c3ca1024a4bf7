package org.edgewise.api.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.IndexIterator;
import org.eclipse.january.metadata.MetadataType;
import org.eclipse.january.metadata.Sliceable;

import org.edgewise.api.stages.DataKind;

/**
 * The physical meaning of a dataset's numbers, attached to it as January metadata so it travels with the data:
 * pixel or voxel size in µm, beam energy in keV, projection angles in degrees, the unit of the values and the chain
 * of stages that produced it.
 * <p>
 * Instances are immutable: the {@code with…} methods return copies. Attach with {@link #attachTo(ILazyDataset)},
 * read with {@link #of(ILazyDataset)}. The metadata survives January slicing and views
 * ({@code getSlice}, {@code getSliceView}, lazy {@code getSlice(SliceND)}): the angles are sliced with the
 * dataset, the other values are copied. Arithmetic ({@code Maths.*}) drops metadata on purpose; a stage copies it
 * to its result, updated where it changed.
 */
public final class PhysicalMetadata implements MetadataType {

    private static final long serialVersionUID = 1L;

    /** Unit of dimensionless values (transmission, line integrals, ratios, fractions). */
    public static final String DIMENSIONLESS = "1";

    private final double pixelSizeUm;
    private final double energyKev;
    private final String valueUnit;
    private final List<String> provenance;

    /**
     * Projection angles in degrees, shaped to broadcast against the dataset: length n on the angle axis, 1 on the
     * others (e.g. {@code [n, 1, 1]} for projections). January slices this field with the dataset, which is why it
     * is neither final nor a plain array.
     */
    @Sliceable
    private ILazyDataset anglesDeg;

    private PhysicalMetadata(double pixelSizeUm, double energyKev, String valueUnit, List<String> provenance,
            ILazyDataset anglesDeg) {
        if (!(pixelSizeUm > 0) && !Double.isNaN(pixelSizeUm)) {
            throw new IllegalArgumentException("pixel size must be > 0 µm (or NaN if not applicable), was "
                    + pixelSizeUm);
        }
        if (!(energyKev > 0) && !Double.isNaN(energyKev)) {
            throw new IllegalArgumentException("energy must be > 0 keV (or NaN if not applicable), was " + energyKev);
        }
        this.pixelSizeUm = pixelSizeUm;
        this.energyKev = energyKev;
        this.valueUnit = Objects.requireNonNull(valueUnit, "valueUnit");
        this.provenance = Collections.unmodifiableList(new ArrayList<>(provenance));
        this.anglesDeg = anglesDeg;
    }

    /**
     * @param pixelSizeUm pixel (projections) or isotropic voxel (volumes) size in µm; NaN for tables
     * @param energyKev   beam energy in keV; NaN when it does not apply (a ratio of two energies)
     * @param valueUnit   unit of the values, e.g. {@code "counts"}, {@code "1/µm"}, {@link #DIMENSIONLESS}
     * @return metadata without angles and with an empty provenance chain
     */
    public static PhysicalMetadata create(double pixelSizeUm, double energyKev, String valueUnit) {
        return new PhysicalMetadata(pixelSizeUm, energyKev, valueUnit, List.of(), null);
    }

    /**
     * @param dataset any dataset
     * @return its metadata, if it has one
     */
    public static Optional<PhysicalMetadata> find(ILazyDataset dataset) {
        return Optional.ofNullable(dataset.getFirstMetadata(PhysicalMetadata.class));
    }

    /**
     * @param dataset a dataset that crossed a stage boundary
     * @return its metadata
     * @throws IllegalArgumentException if it has none (a bare array)
     */
    public static PhysicalMetadata of(ILazyDataset dataset) {
        return find(dataset).orElseThrow(() -> new IllegalArgumentException("dataset '" + dataset.getName()
                + "' " + Arrays.toString(dataset.getShape()) + " carries no PhysicalMetadata (pixel size, energy,"
                + " unit): a bare array may not cross a stage boundary"));
    }

    /**
     * Replaces any {@code PhysicalMetadata} of the dataset with this one.
     *
     * @param <T>     the dataset type
     * @param dataset the dataset to label
     * @return the same dataset, for chaining
     */
    public <T extends ILazyDataset> T attachTo(T dataset) {
        dataset.setMetadata(this);
        return dataset;
    }

    /** @return pixel or voxel size in µm, NaN if not applicable */
    public double pixelSizeUm() {
        return pixelSizeUm;
    }

    /** @return beam energy in keV, NaN if not applicable */
    public double energyKev() {
        return energyKev;
    }

    /** @return unit of the values, e.g. {@code "counts"} or {@code "1/µm"} */
    public String valueUnit() {
        return valueUnit;
    }

    /** @return ids of what produced the data, oldest first, e.g. {@code [input:scan, edgewise.core.minus-log]} */
    public List<String> provenance() {
        return provenance;
    }

    /** @return true if projection angles are attached */
    public boolean hasAngles() {
        return anglesDeg != null;
    }

    /** @return the projection angles in degrees for the (possibly sliced) dataset, or an empty array */
    public double[] anglesDeg() {
        if (anglesDeg == null) {
            return new double[0];
        }
        Dataset angles;
        try {
            angles = DatasetUtils.sliceAndConvertLazyDataset(anglesDeg);
        } catch (org.eclipse.january.DatasetException e) { // the angles live in memory: cannot happen
            throw new IllegalStateException("cannot read the angles of " + this, e);
        }
        // iterate rather than take the buffer: a view's buffer is its whole parent's
        double[] values = new double[angles.getSize()];
        IndexIterator it = angles.getIterator();
        for (int i = 0; it.hasNext(); i++) {
            values[i] = angles.getElementDoubleAbs(it.index);
        }
        return values;
    }

    /** @param sizeUm the new pixel or voxel size in µm (after binning: old size × factor) @return a copy */
    public PhysicalMetadata withPixelSizeUm(double sizeUm) {
        return new PhysicalMetadata(sizeUm, energyKev, valueUnit, provenance, anglesDeg);
    }

    /** @param kev the beam energy in keV @return a copy */
    public PhysicalMetadata withEnergyKev(double kev) {
        return new PhysicalMetadata(pixelSizeUm, kev, valueUnit, provenance, anglesDeg);
    }

    /** @param unit the unit of the values after a stage changed their meaning @return a copy */
    public PhysicalMetadata withValueUnit(String unit) {
        return new PhysicalMetadata(pixelSizeUm, energyKev, unit, provenance, anglesDeg);
    }

    /** @return a copy without angles (e.g. for a volume reconstructed from projections) */
    public PhysicalMetadata withoutAngles() {
        return new PhysicalMetadata(pixelSizeUm, energyKev, valueUnit, provenance, null);
    }

    /**
     * @param angles one angle in degrees per entry of the angle axis of {@code kind}
     * @param kind   {@link DataKind#PROJECTIONS} (angle axis 0) or {@link DataKind#SINOGRAMS} (angle axis 1)
     * @return a copy with the angles attached so that they slice with the dataset
     */
    public PhysicalMetadata withAnglesDeg(double[] angles, DataKind kind) {
        int axis = kind.axes().indexOf("angle");
        if (axis < 0) {
            throw new IllegalArgumentException(kind.describe() + " has no angle axis");
        }
        int[] shape = new int[kind.rank()];
        Arrays.fill(shape, 1);
        shape[axis] = angles.length;
        Dataset dataset = DatasetFactory.createFromObject(angles.clone()).reshape(shape);
        dataset.setName("angles_deg");
        return new PhysicalMetadata(pixelSizeUm, energyKev, valueUnit, provenance, dataset);
    }

    /** @param step what produced the data, e.g. a stage id @return a copy with {@code step} appended */
    public PhysicalMetadata withProvenanceStep(String step) {
        List<String> chain = new ArrayList<>(provenance);
        chain.add(step);
        return new PhysicalMetadata(pixelSizeUm, energyKev, valueUnit, chain, anglesDeg);
    }

    @Override
    public PhysicalMetadata clone() {
        // January calls clone() and then slices the @Sliceable field of the copy
        return new PhysicalMetadata(pixelSizeUm, energyKev, valueUnit, provenance,
                anglesDeg == null ? null : anglesDeg.getSliceView());
    }

    @Override
    public String toString() {
        return "PhysicalMetadata[pixelSizeUm=" + pixelSizeUm + ", energyKev=" + energyKev + ", valueUnit="
                + valueUnit + ", angles=" + (anglesDeg == null ? 0 : anglesDeg.getSize()) + ", provenance="
                + provenance + "]";
    }
}
