/**
 * The only reader of the extension registry (not exported). Use {@code StageRegistries.fromExtensions()}:
 * <pre>{@code
 * List<StageDescriptor> stages = ExtensionStageRegistry.read(RegistryFactory.getRegistry());
 * }</pre>
 */
package org.edgewise.core.internal.registry;
