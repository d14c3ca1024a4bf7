/**
 * The runner's machinery (not exported): slab stacks on disk.
 * <pre>{@code
 * ScratchStack stack = new ScratchStack(temporary.resolve("step1.volume.raw"), "step1.volume", DataKind.VOLUME);
 * stack.append(slab);                        // [n, y, x] with PhysicalMetadata, any number of times
 * ILazyDataset whole = stack.finish();       // read back lazily
 * }</pre>
 */
package org.edgewise.core.internal.run;
