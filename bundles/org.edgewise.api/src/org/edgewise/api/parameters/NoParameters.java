package org.edgewise.api.parameters;

/** The model of a stage that has no parameters; serialises as {@code {}}. */
public record NoParameters() {
}
