package org.edgewise.batch;

/** A manifest that cannot be run: the message is one line naming the file (and line or run) and the problem. */
public final class ManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message one line: {@code FILE:LINE: problem} */
    public ManifestException(String message) {
        super(message);
    }
}
