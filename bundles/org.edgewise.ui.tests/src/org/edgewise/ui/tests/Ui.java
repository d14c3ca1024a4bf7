package org.edgewise.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Helpers for tests that run on the workbench's display thread: they pump events while they wait, so jobs can
 * post their results and slices can render.
 */
public final class Ui {

    /** Longest wait for anything (a hang guard, not a speed requirement), ms. */
    public static final long TIMEOUT_MS = 120_000;

    private Ui() {
    }

    /** @return the display of the running workbench */
    public static Display display() {
        return Display.getDefault();
    }

    /**
     * @param width  shell width
     * @param height shell height
     * @return an open shell with a fill layout
     */
    public static Shell shell(int width, int height) {
        Shell shell = new Shell(display());
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        return shell;
    }

    /**
     * @param root a control
     * @param text a button's text
     * @return the first button under {@code root} with that text
     */
    public static org.eclipse.swt.widgets.Button button(org.eclipse.swt.widgets.Control root, String text) {
        if (root instanceof org.eclipse.swt.widgets.Button button && text.equals(button.getText())) {
            return button;
        }
        if (root instanceof org.eclipse.swt.widgets.Composite composite) {
            for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
                org.eclipse.swt.widgets.Button found = button(child, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Presses a button as a user would.
     *
     * @param root the control that holds it
     * @param text its text
     */
    public static void press(org.eclipse.swt.widgets.Control root, String text) {
        org.eclipse.swt.widgets.Button button = button(root, text);
        if (button == null) {
            fail("no button '" + text + "'");
        }
        button.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    /** Processes every pending event. */
    public static void drain() {
        Display display = display();
        while (display.readAndDispatch()) {
            // keep going
        }
    }

    /**
     * Pumps events until the condition holds.
     *
     * @param condition checked between events
     * @param what      what was awaited, for the failure message
     */
    public static void waitUntil(BooleanSupplier condition, String what) {
        waitUntil(condition, what, TIMEOUT_MS);
    }

    /**
     * Pumps events until the condition holds.
     *
     * @param condition checked between events
     * @param what      what was awaited, for the failure message
     * @param timeoutMs how long to wait at most, ms
     */
    public static void waitUntil(BooleanSupplier condition, String what, long timeoutMs) {
        Display display = display();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted while waiting for " + what);
                }
            }
        }
        drain();
    }

    /**
     * Schedules a job and counts how often the display thread ran a 10 ms timer while the job was running: a job
     * that keeps the display thread busy (or blocks it) lets none through, one that runs off it lets most through.
     *
     * @param job the job
     * @return the timer runs seen while the job was in state RUNNING
     */
    public static int ticksWhileRunning(Job job) {
        return ticksWhile(job, () -> job.getState() == Job.RUNNING);
    }

    /**
     * @param job     a job to schedule
     * @param working true while the work is in progress
     * @return the 10 ms timer runs the display thread made while {@code working} held
     */
    public static int ticksWhile(Job job, BooleanSupplier working) {
        Display display = display();
        int[] ticks = { 0 };
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (working.getAsBoolean()) {
                ticks[0]++;
            }
            if (job.getResult() == null) {
                display.timerExec(10, tick[0]);
            }
        };
        display.timerExec(10, tick[0]);
        run(job);
        return ticks[0];
    }

    /**
     * Schedules a job (unless it is scheduled or running already) and pumps events until it is done.
     *
     * @param job the job
     * @return its result
     */
    public static IStatus run(Job job) {
        return run(job, TIMEOUT_MS);
    }

    /**
     * @param job       a job
     * @param timeoutMs how long to wait at most, ms
     * @return its result
     */
    public static IStatus run(Job job, long timeoutMs) {
        if (job.getState() == Job.NONE && job.getResult() == null) {
            job.schedule();
        }
        waitUntil(() -> job.getState() == Job.NONE && job.getResult() != null, job.getName(), timeoutMs);
        return job.getResult();
    }
}
