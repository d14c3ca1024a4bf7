package org.edgewise.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.edgewise.core.RuntimeInfo;
import org.junit.jupiter.api.Test;

class RuntimeInfoTest {

    @Test
    void insideOsgiTheVersionIsTheCoreBundleVersion() {
        RuntimeInfo info = RuntimeInfo.current();
        // tycho-surefire runs this fragment inside Equinox, so the bundle version is known
        assertTrue(info.edgewiseVersion().startsWith("0.1.0."), info.edgewiseVersion());
    }

    @Test
    void januaryIsTrackedWithItsRealVersion() {
        assertEquals("2.3.2", RuntimeInfo.current().libraryVersions().get("org.eclipse.january"));
    }

    @Test
    void describesTheMachine() {
        RuntimeInfo info = RuntimeInfo.current();
        assertEquals(Runtime.getRuntime().availableProcessors(), info.availableProcessors());
        assertEquals(System.getProperty("java.version"), info.javaVersion());
        assertTrue(info.describe().startsWith("Edgewise 0.1.0."));
        assertTrue(info.describe().contains("org.eclipse.january 2.3.2"));
    }

    @Test
    void heapIsReportedInGibWithOneDecimal() {
        RuntimeInfo info = new RuntimeInfo("x", Map.of(), "17", "Linux", "host", 2, 3L * 1024 * 1024 * 1024 + 1);
        assertEquals(3.0, info.maxHeapGib());
        assertTrue(info.describe().contains("2 cores, max heap 3.0 GiB"), info.describe());
    }
}
