package org.edgewise.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.edgewise.api.parameters.InvalidParameterException;
import org.edgewise.api.parameters.NoParameters;
import org.edgewise.api.parameters.Parameter;
import org.edgewise.api.parameters.ParameterDescription;
import org.edgewise.api.parameters.Parameters;
import org.junit.jupiter.api.Test;

class ParametersTest {

    enum Filter { RAMP, SHEPP_LOGAN, HANN }

    record FilterModel(
            @Parameter(label = "Cut-off", unit = "1/µm", defaultValue = "0.5", min = 0, max = 10,
                    description = "Frequency above which the filter is zero.") double cutoff,
            @Parameter(label = "Iterations", defaultValue = "3", min = 1, max = 100) int iterations,
            @Parameter(label = "Filter", defaultValue = "HANN") Filter filter,
            @Parameter(label = "Keep edges", defaultValue = "true") boolean keepEdges,
            @Parameter(label = "Tag") String tag) {
    }

    record OrderedModel(@Parameter(label = "Low", defaultValue = "1") int low,
            @Parameter(label = "High", defaultValue = "2") int high) {
        OrderedModel {
            if (high <= low) {
                throw new IllegalArgumentException("parameter 'high' = " + high + " must exceed 'low' = " + low);
            }
        }
    }

    @Test
    void describesLabelsUnitsDefaultsAndBoundsInDeclarationOrder() {
        List<ParameterDescription> parameters = Parameters.describe(FilterModel.class);
        assertEquals(List.of("cutoff", "iterations", "filter", "keepEdges", "tag"),
                parameters.stream().map(ParameterDescription::name).toList());
        ParameterDescription cutoff = parameters.get(0);
        assertEquals("Cut-off", cutoff.label());
        assertEquals("1/µm", cutoff.unit());
        assertEquals("0.5", cutoff.defaultValue());
        assertEquals(0.0, cutoff.min());
        assertEquals(10.0, cutoff.max());
        assertEquals(double.class, cutoff.type());
        assertEquals("[0, 10]", cutoff.boundsText());
        assertEquals(List.of("RAMP", "SHEPP_LOGAN", "HANN"), parameters.get(2).choices());
        assertEquals("", parameters.get(2).boundsText());
    }

    @Test
    void defaultsComeFromTheAnnotations() {
        assertEquals(new FilterModel(0.5, 3, Filter.HANN, true, ""), Parameters.defaults(FilterModel.class));
        assertEquals(new NoParameters(), Parameters.defaults(NoParameters.class));
    }

    @Test
    void outOfRangeValueIsRejectedWithNameValueUnitAndBounds() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.validate(new FilterModel(12.5, 3, Filter.RAMP, false, "")));
        assertEquals("cutoff", e.parameter());
        assertEquals("parameter 'cutoff' (Cut-off) = 12.5 1/µm is outside [0, 10]", e.getMessage());

        InvalidParameterException low = assertThrows(InvalidParameterException.class,
                () -> Parameters.validate(new FilterModel(0.5, 0, Filter.RAMP, false, "")));
        assertEquals("parameter 'iterations' (Iterations) = 0 is outside [1, 100]", low.getMessage());
    }

    @Test
    void boundsAreInclusiveAndNanIsRejected() {
        Parameters.validate(new FilterModel(10, 100, Filter.RAMP, false, ""));
        Parameters.validate(new FilterModel(0, 1, Filter.RAMP, false, ""));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.validate(new FilterModel(Double.NaN, 1, Filter.RAMP, false, "")));
        assertTrue(e.getMessage().contains("'cutoff'"), e.getMessage());
    }

    @Test
    void jsonRoundTripKeepsEveryValue() {
        FilterModel model = new FilterModel(0.25, 7, Filter.SHEPP_LOGAN, false, "edge");
        String json = Parameters.toJson(model);
        assertEquals("{\"cutoff\":0.25,\"iterations\":7,\"filter\":\"SHEPP_LOGAN\",\"keepEdges\":false,\"tag\":\"edge\"}",
                json);
        assertEquals(model, Parameters.fromJson(json, FilterModel.class));
        assertEquals(model, Parameters.fromMap(Parameters.toMap(model), FilterModel.class));
    }

    @Test
    void missingValuesTakeTheirDefaults() {
        assertEquals(new FilterModel(0.5, 9, Filter.HANN, true, ""),
                Parameters.fromJson("{\"iterations\": 9}", FilterModel.class));
        assertEquals(Parameters.defaults(FilterModel.class), Parameters.fromMap(Map.of(), FilterModel.class));
    }

    @Test
    void jsonValuesAreValidatedToo() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"cutoff\": -1}", FilterModel.class));
        assertEquals("parameter 'cutoff' (Cut-off) = -1 1/µm is outside [0, 10]", e.getMessage());
    }

    @Test
    void unknownNamesAndWrongTypesAreNamed() {
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"cutof\": 1}", FilterModel.class));
        assertEquals("cutof", unknown.parameter());
        assertTrue(unknown.getMessage().startsWith("unknown parameter 'cutof' for FilterModel; known parameters: "
                + "[cutoff, iterations, filter, keepEdges, tag]"), unknown.getMessage());

        InvalidParameterException wrongType = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"iterations\": \"many\"}", FilterModel.class));
        assertEquals("iterations", wrongType.parameter());
        assertTrue(wrongType.getMessage().startsWith("parameter 'iterations'"), wrongType.getMessage());

        InvalidParameterException fraction = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"iterations\": 2.5}", FilterModel.class));
        assertEquals("iterations", fraction.parameter());

        InvalidParameterException badEnum = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"filter\": \"COSINE\"}", FilterModel.class));
        assertEquals("filter", badEnum.parameter());
    }

    @Test
    void theRecordsOwnChecksSurfaceWithTheirMessage() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> Parameters.fromJson("{\"low\": 5, \"high\": 3}", OrderedModel.class));
        assertEquals("parameter 'high' = 3 must exceed 'low' = 5", e.getMessage());
    }
}
