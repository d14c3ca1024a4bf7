/**
 * The headless application: {@code ./edgewise COMMAND ...} ({@code run}, {@code stages}, {@code version},
 * {@code demo}).
 * <pre>{@code
 * int exitCode = EdgewiseCommand.execute(new String[] {"run", "pipeline.json", "--out", "results"}, out, err);
 * // 0 = done, 1 = the run failed or was cancelled, 2 = invalid pipeline or command line (one line on err)
 * }</pre>
 */
package org.edgewise.cli;
