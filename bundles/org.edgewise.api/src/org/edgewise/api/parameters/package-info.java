/**
 * Stage parameters: records whose components carry {@link org.edgewise.api.parameters.Parameter} (label, unit,
 * default, bounds), read by the {@link org.edgewise.api.parameters.Parameters} facade.
 * <pre>{@code
 * public record SmoothModel(
 *         @Parameter(label = "Sigma", unit = "µm", defaultValue = "0.1", min = 0, max = 5) double sigmaUm) { }
 *
 * SmoothModel model = Parameters.defaults(SmoothModel.class);              // sigmaUm = 0.1
 * SmoothModel read = Parameters.fromJson("{\"sigmaUm\": 9}", SmoothModel.class);
 * // InvalidParameterException: parameter 'sigmaUm' (Sigma) = 9 µm is outside [0, 5]
 * }</pre>
 */
package org.edgewise.api.parameters;
