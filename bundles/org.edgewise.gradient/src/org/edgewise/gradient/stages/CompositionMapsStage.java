package org.edgewise.gradient.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.edgewise.api.Element;
import org.edgewise.api.datasets.FlatArrays;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.StageException;
import org.edgewise.api.stages.StageInput;
import org.edgewise.api.stages.StageOutput;
import org.edgewise.gradient.Calibration;
import org.edgewise.gradient.ElementalMaps;
import org.edgewise.gradient.PairMetadata;
import org.edgewise.physics.EnergyPair;

/**
 * {@code edgewise.gradient.composition-maps}: per-voxel maps inside the hulls of the paper's ratio
 * ({@code ratio_ni}, …) and the calibrated fraction ({@code fraction_ni}, …), each with its 1σ map
 * ({@code fraction_ni_sd}, …) from the background noise of the Δμ volumes; NaN outside the hulls.
 */
public final class CompositionMapsStage implements IStage<CompositionMapsModel> {

    /** The stage id in {@code plugin.xml}: permanent, referred to by pipeline files and provenance. */
    public static final String ID = "edgewise.gradient.composition-maps";

    /** Input port: the hulls (the label whose hull holds each voxel); Δμ ports as {@link ProfilesStage#port}. */
    public static final String HULLS = "hulls";

    /** @return the output port of an element's ratio map, e.g. {@code ratio_ni} */
    public static String ratio(Element element) {
        return "ratio_" + ProfilesStage.port(element);
    }

    /** @return the output port of the 1σ map of an element's ratio, e.g. {@code ratio_ni_sd} */
    public static String ratioSd(Element element) {
        return ratio(element) + "_sd";
    }

    /** @return the output port of an element's fraction map, e.g. {@code fraction_ni} */
    public static String fraction(Element element) {
        return "fraction_" + ProfilesStage.port(element);
    }

    /** @return the output port of the 1σ map of an element's fraction, e.g. {@code fraction_ni_sd} */
    public static String fractionSd(Element element) {
        return fraction(element) + "_sd";
    }

    @Override
    public StageOutput apply(StageInput input, CompositionMapsModel model, IMonitor monitor) throws StageException {
        Dataset hulls = input.get(HULLS);
        int[] inside = FlatArrays.ints(hulls);
        float[][] d = new float[3][];
        double[] noise = new double[3];
        List<EnergyPair> pairs = new ArrayList<>();
        Dataset like = null;
        for (Element e : Element.values()) {
            Dataset v = input.get(ProfilesStage.port(e));
            like = v;
            try {
                pairs.add(PairMetadata.pairOf(v));
            } catch (IllegalArgumentException x) {
                throw new StageException(x.getMessage());
            }
            d[e.ordinal()] = FlatArrays.floats(v);
            noise[e.ordinal()] = ElementalMaps.backgroundNoise(d[e.ordinal()], inside);
        }
        int[] s = GradientStages.sameShape(like, hulls);
        float[][] ratio = ElementalMaps.composition(d, inside, noise, null);
        float[][] fraction = ElementalMaps.composition(d, inside, noise, Calibration.of(pairs, model.lithium()));
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (Element e : Element.values()) {
            int k = e.ordinal();
            out.put(ratio(e), GradientStages.volume(ratio[k], s, like, "1", ratio(e)));
            out.put(ratioSd(e), GradientStages.volume(ratio[3 + k], s, like, "1", ratioSd(e)));
            out.put(fraction(e), GradientStages.volume(fraction[k], s, like, "1", fraction(e)));
            out.put(fractionSd(e), GradientStages.volume(fraction[3 + k], s, like, "1", fractionSd(e)));
        }
        return new StageOutput(out);
    }
}
