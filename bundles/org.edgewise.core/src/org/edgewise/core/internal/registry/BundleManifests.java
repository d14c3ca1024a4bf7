package org.edgewise.core.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Bundle names and versions read from jar manifests, for code that runs the bundles as plain jars (the batch runner
 * on Spark): there {@code FrameworkUtil.getBundle} answers null, but every bundle jar still carries its
 * {@code Bundle-SymbolicName} and {@code Bundle-Version} (with the qualifier the build expanded).
 */
public final class BundleManifests {

    /** The manifest's path inside a jar or a class folder. */
    public static final String MANIFEST = "META-INF/MANIFEST.MF";

    /**
     * @param symbolicName {@code Bundle-SymbolicName} without directives ({@code ;singleton:=true})
     * @param version      {@code Bundle-Version}, e.g. {@code 0.1.0.202612020630}
     */
    public record Identity(String symbolicName, String version) {
    }

    private BundleManifests() {
    }

    /**
     * @param type a class
     * @return the bundle identity in the manifest of the jar or folder the class was loaded from; empty when it has
     *         no OSGi manifest or its location is unknown (JDK classes)
     */
    public static Optional<Identity> of(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path manifest = location.resolve(MANIFEST);
                if (!Files.isRegularFile(manifest)) {
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(manifest)) {
                    return identity(new Manifest(in));
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest() == null ? Optional.empty() : identity(jar.getManifest());
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param manifest the URL of a {@code META-INF/MANIFEST.MF}
     * @return its bundle identity, or empty if it cannot be read or is not a bundle's
     */
    public static Optional<Identity> read(URL manifest) {
        try (InputStream in = manifest.openStream()) {
            return identity(new Manifest(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param loader the class loader whose jars and folders are searched
     * @param names  bundle symbolic names
     * @return name → version for each of the names found, in the order of {@code names}
     */
    public static Map<String, String> versions(ClassLoader loader, Collection<String> names) {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            Enumeration<URL> manifests = loader.getResources(MANIFEST);
            while (manifests.hasMoreElements()) {
                read(manifests.nextElement()).filter(id -> names.contains(id.symbolicName()))
                        .ifPresent(id -> found.putIfAbsent(id.symbolicName(), id.version()));
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : names) {
            if (found.containsKey(name)) {
                ordered.put(name, found.get(name));
            }
        }
        return ordered;
    }

    private static Optional<Identity> identity(Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        String name = main.getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String version = main.getValue("Bundle-Version");
        return Optional.of(new Identity(name.split(";", 2)[0].trim(),
                version == null || version.isBlank() ? "0.0.0" : version.trim()));
    }
}
