/**
 * The headless engine behind the CLI and the workbench: runtime description and stage registries.
 * <pre>{@code
 * RuntimeInfo info = RuntimeInfo.current();
 * System.out.print(info.describe());   // "Edgewise 0.1.0.…", Java, host, cores, heap, library versions
 * IStageRegistry stages = StageRegistries.fromExtensions();   // inside OSGi; InMemoryStageRegistry in unit tests
 * stages.find("edgewise.core.bin").orElseThrow().name();      // "Bin volume"
 * }</pre>
 */
package org.edgewise.core;
