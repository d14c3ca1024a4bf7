/**
 * The headless engine behind the CLI and the workbench.
 * <pre>{@code
 * RuntimeInfo info = RuntimeInfo.current();
 * System.out.print(info.describe());   // "Edgewise 0.1.0.…", Java, host, cores, heap, library versions
 * }</pre>
 */
package org.edgewise.core;
