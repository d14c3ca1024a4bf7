/**
 * The readers of the extension point {@code org.edgewise.api.stages} (not exported): the Eclipse extension registry
 * inside OSGi, the {@code plugin.xml} files of the class path when the bundles run as plain jars. Use
 * {@code StageRegistries.fromExtensions()} or {@code StageRegistries.fromClasspath(loader)}:
 * <pre>{@code
 * List<StageDescriptor> stages = ExtensionStageRegistry.read(RegistryFactory.getRegistry());
 * List<StageDescriptor> same = ClasspathStageRegistry.read(BatchMain.class.getClassLoader());
 * }</pre>
 */
package org.edgewise.core.internal.registry;
