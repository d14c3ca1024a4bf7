package org.edgewise.api.parameters;

/**
 * A parameter value is not allowed. The message names the parameter, its value and what is allowed, e.g.
 * {@code "parameter 'factor' (Factor) = 0 is outside [1, 8]"}.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the record component name
     * @param message   the full message
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** @return the name of the offending parameter (record component name) */
    public String parameter() {
        return parameter;
    }
}
