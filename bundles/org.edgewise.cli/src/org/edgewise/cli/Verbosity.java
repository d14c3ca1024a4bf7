package org.edgewise.cli;

/**
 * Whether {@code --verbose} was given: then failures print their stack trace and libraries log to stderr; otherwise
 * the terminal shows only Edgewise's own one-line messages. Set before the command runs, while no library has
 * started logging yet (slf4j-simple reads its levels once, when the first logger is made).
 */
final class Verbosity {

    /** The option, accepted by every command. */
    static final String OPTION = "--verbose";

    private static volatile boolean verbose;

    private Verbosity() {
    }

    /** @param args a command line: looks for {@value #OPTION} before {@code --} */
    static void configure(String[] args) {
        boolean found = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            found |= arg.equals(OPTION);
        }
        verbose = found;
        String level = found ? "info" : "off";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", found ? "warn" : "off");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.january", found ? "warn" : "off");
    }

    /** @return true if {@value #OPTION} was given */
    static boolean verbose() {
        return verbose || Boolean.getBoolean("edgewise.debug");
    }
}
