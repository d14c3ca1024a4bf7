package org.edgewise.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgewise.core.internal.registry.BundleManifests;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * What produced a result: Edgewise's version, the versions of the libraries that did the numerical work,
 * and the machine. It is printed by {@code edgewise version} and recorded in every result's provenance.
 *
 * @param edgewiseVersion     the version of the {@code org.edgewise.core} bundle, e.g. {@code 0.1.0.202611252140};
 *                            outside OSGi (bundles run as plain jars) the {@code Bundle-Version} of the core jar's
 *                            manifest, or {@value #UNKNOWN} when there is none (classes compiled by a test run)
 * @param libraryVersions     bundle symbolic name → version, for {@link #TRACKED_LIBRARIES} that are installed (outside
 *                            OSGi: whose jars on the class path have an OSGi manifest)
 * @param javaVersion         {@code java.version}
 * @param operatingSystem     {@code os.name os.version (os.arch)}
 * @param hostName            the local host name, or {@value #UNKNOWN}
 * @param availableProcessors cores the JVM may use
 * @param maxHeapBytes        the JVM's maximum heap in bytes
 */
public record RuntimeInfo(String edgewiseVersion, Map<String, String> libraryVersions, String javaVersion,
        String operatingSystem, String hostName, int availableProcessors, long maxHeapBytes) {

    /** The value given for anything that cannot be determined. */
    public static final String UNKNOWN = "unknown";

    /** Libraries whose version changes numerical results, and so belongs in provenance. */
    public static final List<String> TRACKED_LIBRARIES = List.of("org.eclipse.january", "io.jhdf",
            "com.github.tschoonj.xraylib", "com.github.wendykierp.JTransforms",
            "org.apache.commons.statistics.distribution", "org.apache.commons.math3");

    public RuntimeInfo {
        libraryVersions = Collections.unmodifiableMap(new LinkedHashMap<>(libraryVersions));
    }

    /** @return the description of the running JVM and, inside OSGi, of the installed bundles */
    public static RuntimeInfo current() {
        Bundle own = FrameworkUtil.getBundle(RuntimeInfo.class);
        String version = own != null ? own.getVersion().toString()
                : BundleManifests.of(RuntimeInfo.class).map(BundleManifests.Identity::version).orElse(UNKNOWN);
        Map<String, String> libraries = new LinkedHashMap<>();
        BundleContext context = own == null ? null : own.getBundleContext();
        if (own == null) {
            ClassLoader loader = RuntimeInfo.class.getClassLoader();
            libraries.putAll(BundleManifests.versions(loader == null ? ClassLoader.getSystemClassLoader() : loader,
                    TRACKED_LIBRARIES));
        } else if (context != null) {
            for (String name : TRACKED_LIBRARIES) {
                for (Bundle bundle : context.getBundles()) {
                    if (name.equals(bundle.getSymbolicName())) {
                        libraries.put(name, bundle.getVersion().toString());
                    }
                }
            }
        }
        Runtime runtime = Runtime.getRuntime();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        return new RuntimeInfo(version, libraries, System.getProperty("java.version"), os, localHostName(),
                runtime.availableProcessors(), runtime.maxMemory());
    }

    /** @return the maximum heap in GiB, rounded to one decimal, for people to read */
    public double maxHeapGib() {
        return Math.round(maxHeapBytes / (1024.0 * 1024.0 * 1024.0) * 10.0) / 10.0;
    }

    /** @return several lines for a terminal: version, Java, OS, host, cores, heap, then one line per library */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Edgewise ").append(edgewiseVersion).append('\n');
        text.append("Java ").append(javaVersion).append(", ").append(operatingSystem).append('\n');
        text.append("host ").append(hostName).append(", ").append(availableProcessors).append(" cores, max heap ")
                .append(maxHeapGib()).append(" GiB\n");
        libraryVersions.forEach((name, libraryVersion) -> text.append("  ").append(name).append(' ')
                .append(libraryVersion).append('\n'));
        return text.toString();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }
}
