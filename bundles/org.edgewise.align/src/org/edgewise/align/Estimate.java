package org.edgewise.align;

/**
 * One attempt at a registration: its result, or why there is none. The methods of {@link Registration} are tried in
 * turn; what each one said goes into the error when none is plausible.
 *
 * @param result  the registration; null on failure
 * @param failure why there is no result, one phrase with the numbers; null on success
 */
record Estimate(Registration.Result result, String failure) {

    static Estimate of(Registration.Result result) {
        return new Estimate(result, null);
    }

    static Estimate failed(String failure) {
        return new Estimate(null, failure);
    }
}
