/**
 * Long steps as Eclipse jobs: progress and Cancel through one {@code IProgressMonitor} → {@code IMonitor} adapter,
 * errors shown in a dialog that names the file and the problem, details in the Error Log.
 * <pre>{@code
 * new OpenJob(folder, registry).schedule();
 * runner.run(pipeline, base, out, RunOptions.defaults(), new MonitorAdapter(monitor)); // inside a job
 * }</pre>
 */
package org.edgewise.ui.jobs;
