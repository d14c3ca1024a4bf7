package org.edgewise.align;

/**
 * An alignment or registration came out beyond the {@link Plausibility} bounds, and for a registration so did every
 * other method of {@link Registration}. The message says what was implausible, with the numbers (for a registration:
 * what each method gave). It is an {@link IllegalArgumentException}: these inputs cannot be aligned or registered
 * (too little shared structure, or a geometry outside what a scan or an energy pair can have).
 */
public final class ImplausibleResultException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what was implausible, with the numbers */
    public ImplausibleResultException(String message) {
        super(message);
    }
}
