package org.edgewise.gradient.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    @Override
    public StageOutput apply(StageInput input, CompositionMapsModel model, IMonitor monitor) throws StageException {
        Dataset hulls = input.get("hulls");
        int[] inside = FlatArrays.ints(hulls);
        float[][] d = new float[3][];
        double[] noise = new double[3];
        List<EnergyPair> pairs = new ArrayList<>();
        Dataset like = null;
        for (Element e : Element.values()) {
            Dataset v = input.get(e.symbol().toLowerCase(Locale.ROOT));
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
            String el = e.symbol().toLowerCase(Locale.ROOT);
            int k = e.ordinal();
            out.put("ratio_" + el, GradientStages.volume(ratio[k], s, like, "1", "ratio_" + el));
            out.put("ratio_" + el + "_sd", GradientStages.volume(ratio[3 + k], s, like, "1", "ratio_" + el + "_sd"));
            out.put("fraction_" + el, GradientStages.volume(fraction[k], s, like, "1", "fraction_" + el));
            out.put("fraction_" + el + "_sd", GradientStages.volume(fraction[3 + k], s, like, "1",
                    "fraction_" + el + "_sd"));
        }
        return new StageOutput(out);
    }
}
