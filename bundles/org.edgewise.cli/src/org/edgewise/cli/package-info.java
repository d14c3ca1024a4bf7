/**
 * The headless application: {@code ./edgewise COMMAND ...}.
 * <pre>{@code
 * int exitCode = EdgewiseCommand.execute(new String[] {"version"}, out, err);
 * }</pre>
 */
package org.edgewise.cli;
