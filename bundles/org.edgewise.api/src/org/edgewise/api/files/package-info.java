/**
 * Files that appear whole or not at all (temporary file, then rename).
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("table.csv"), temporary -> Files.writeString(temporary, text));
 * AtomicFiles.move(runDirectory.resolve("results.h5"), outputDirectory.resolve("results.h5"));
 * }</pre>
 */
package org.edgewise.api.files;
