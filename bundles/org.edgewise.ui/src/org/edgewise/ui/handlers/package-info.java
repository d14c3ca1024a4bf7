/**
 * The File menu's commands: Open Folder, Open File, Open Demo Dataset. Each asks for its input and schedules a job.
 * <pre>{@code
 * Path demo = OpenDemoHandler.demoFolder(); // WORKSPACE/demo
 * }</pre>
 */
package org.edgewise.ui.handlers;
