package org.edgewise.gradient.stages;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.metadata.PhysicalMetadata;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.gradient.ElementalMaps;
import org.edgewise.gradient.PairMetadata;
import org.edgewise.physics.EnergyPair;

/**
 * {@code edgewise.gradient.difference}: the differential volume {@code Δμ = above − below} (1/µm) of one energy pair
 * on one grid; the pair's energies travel with it ({@link PairMetadata}) for the calibration.
 */
public final class DifferenceStage implements IStage<DifferenceModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.gradient.difference";

    /** Input port: the volume above the edge. */
    public static final String ABOVE = "above";
    /** Input port: the volume below the edge, on the same grid. */
    public static final String BELOW = "below";
    /** Output port: Δμ, 1/µm. */
    public static final String DELTA_MU = "deltamu";

    @Override
    public StageOutput apply(StageInput input, DifferenceModel model, IMonitor monitor) throws StageException {
        Dataset above = input.get(ABOVE);
        Dataset below = input.get(BELOW);
        int[] s = GradientStages.sameShape(above, below);
        double lo = PhysicalMetadata.of(below).energyKev();
        double hi = PhysicalMetadata.of(above).energyKev();
        Element element = model.element() == null || model.element().isBlank()
                ? java.util.Arrays.stream(Element.values()).filter(e -> lo < e.kEdgeKev() && hi > e.kEdgeKev())
                        .findFirst().orElseThrow(() -> new StageException("no K edge of Ni, Mn or Co lies between "
                                + lo + " keV ('" + below.getName() + "') and " + hi + " keV ('" + above.getName()
                                + "')"))
                : Element.bySymbol(model.element()).orElseThrow(() -> new StageException("unknown element '"
                        + model.element() + "'"));
        EnergyPair pair;
        try {
            pair = new EnergyPair(element, lo, hi);
        } catch (IllegalArgumentException e) {
            throw new StageException(e.getMessage());
        }
        float[] d = ElementalMaps.difference(FlatArrays.floats(above), FlatArrays.floats(below));
        Dataset out = GradientStages.volume(d, s, below, "1/µm", "delta_mu_" + element.symbol().toLowerCase(java.util.Locale.ROOT));
        PairMetadata.of(pair).attachTo(out);
        return StageOutput.of(DELTA_MU, out);
    }
}
