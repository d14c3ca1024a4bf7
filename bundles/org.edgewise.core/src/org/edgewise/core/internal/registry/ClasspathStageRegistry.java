package org.edgewise.core.internal.registry;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.edgewise.api.stages.DataKind;
import org.edgewise.api.stages.IStage;
import org.edgewise.api.stages.Port;
import org.edgewise.api.stages.StageDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the {@code org.edgewise.api.stages} contributions of the {@code plugin.xml} files a class loader sees, for
 * running the bundles as plain jars where there is no extension registry (the batch runner on Spark). It reads what
 * {@link ExtensionStageRegistry} reads (id, name, category, description, doi, class, model, input and output ports)
 * and takes the bundle version from the {@code META-INF/MANIFEST.MF} beside each {@code plugin.xml}. As there, a
 * broken contribution is logged with its file and skipped, and stage classes are loaded only when a stage runs.
 */
public final class ClasspathStageRegistry {

    /** Where a bundle declares its extensions. */
    public static final String PLUGIN_XML = "plugin.xml";

    private static final Logger LOG = LoggerFactory.getLogger(ClasspathStageRegistry.class);

    private ClasspathStageRegistry() {
    }

    /**
     * @param loader loads the {@code plugin.xml} resources and the stage and model classes
     * @return one descriptor per valid {@code stage} element, in the order of the class path
     */
    public static List<StageDescriptor> read(ClassLoader loader) {
        Set<URL> files = new LinkedHashSet<>(); // a jar listed twice on the class path counts once
        try {
            Enumeration<URL> found = loader.getResources(PLUGIN_XML);
            files.addAll(Collections.list(found));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the plugin.xml files on the class path: " + e, e);
        }
        List<StageDescriptor> descriptors = new ArrayList<>();
        for (URL file : files) {
            descriptors.addAll(read(file, loader));
        }
        return descriptors;
    }

    /**
     * @param pluginXml a bundle's {@code plugin.xml}
     * @param loader    loads the classes it names
     * @return its valid stages (none if the file is unreadable or contributes none)
     */
    public static List<StageDescriptor> read(URL pluginXml, ClassLoader loader) {
        Document document;
        try (InputStream in = pluginXml.openStream()) {
            document = parser().parse(in);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            LOG.error("Skipping {}: not a readable plugin.xml ({})", pluginXml, e.toString());
            return List.of();
        }
        String version = bundleVersion(pluginXml);
        List<StageDescriptor> descriptors = new ArrayList<>();
        for (Element extension : children(document.getDocumentElement(), "extension")) {
            if (!ExtensionStageRegistry.EXTENSION_POINT.equals(extension.getAttribute("point").trim())) {
                continue;
            }
            for (Element stage : children(extension, "stage")) {
                try {
                    descriptors.add(describe(stage, loader, version));
                } catch (RuntimeException | ClassNotFoundException e) {
                    LOG.error("Skipping stage '{}' of {}: {}", stage.getAttribute("id"), pluginXml, e.toString());
                }
            }
        }
        return descriptors;
    }

    @SuppressWarnings("unchecked")
    private static StageDescriptor describe(Element element, ClassLoader loader, String version)
            throws ClassNotFoundException {
        String id = required(element, "id");
        Class<?> model = Class.forName(required(element, "model"), false, loader);
        if (!Record.class.isAssignableFrom(model)) {
            throw new IllegalArgumentException("model " + model.getName() + " of stage " + id + " is not a record");
        }
        String className = required(element, "class");
        Supplier<IStage<?>> factory = () -> {
            try {
                return (IStage<?>) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                throw new IllegalStateException("cannot create stage " + id + " (" + className + "): " + cause, cause);
            }
        };
        return new StageDescriptor(id, optional(element, "name"), optional(element, "category"),
                optional(element, "description"), optional(element, "doi"), ports(element, "input"),
                ports(element, "output"), (Class<? extends Record>) model, version, factory);
    }

    private static List<Port> ports(Element stage, String type) {
        List<Port> ports = new ArrayList<>();
        for (Element port : children(stage, type)) {
            ports.add(new Port(required(port, "name"), DataKind.fromId(required(port, "kind"))));
        }
        return ports;
    }

    /** The extension registry gives null for an absent attribute and the value as written otherwise. */
    private static String optional(Element element, String attribute) {
        return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
    }

    private static String required(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getTagName() + "> lacks the attribute '" + attribute + "'");
        }
        return value.trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String bundleVersion(URL pluginXml) {
        try {
            return BundleManifests.read(new URL(pluginXml, BundleManifests.MANIFEST))
                    .map(BundleManifests.Identity::version).orElse(StageDescriptor.UNKNOWN_VERSION);
        } catch (MalformedURLException e) {
            return StageDescriptor.UNKNOWN_VERSION;
        }
    }

    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}
