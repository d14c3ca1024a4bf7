package org.edgewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class EdgewiseCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EdgewiseCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void versionPrintsTheBundleVersionAndExitsZero() {
        assertEquals(0, run("version"));
        assertTrue(out.toString().startsWith("Edgewise 0.1.0."), out.toString());
        assertTrue(out.toString().contains("org.eclipse.january 2.3.2"), out.toString());
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String command : new String[] { "run", "stages", "version", "demo", "help" }) {
            assertTrue(help.contains("  " + command + " "), "help lists " + command + ":\n" + help);
        }
    }

    @Test
    void noCommandShowsUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().startsWith("Usage: edgewise"), out.toString());
    }

    @Test
    void unknownCommandIsAUsageErrorNamingIt() {
        assertEquals(2, run("reconstrut"));
        assertTrue(err.toString().contains("reconstrut"), err.toString());
    }

    @Test
    void demoSaysWhatItCanDoInThisBuild() {
        assertEquals(0, run("demo"));
        assertTrue(out.toString().contains("Edgewise 0.1.0."), out.toString());
    }
}
