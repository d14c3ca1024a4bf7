package org.edgewise.ui.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.progress.UIJob;
import org.edgewise.ui.jobs.EdgewiseJob;
import org.edgewise.ui.jobs.MonitorAdapter;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.Test;

/**
 * The measure the reconstruction test relies on: a job that works on the display thread lets no timer through, one
 * that works in a worker lets the display thread run; and the monitor adapter passes progress and Cancel through.
 */
class DisplayThreadTest {

    private static final long WORK_MS = 1200;

    private static volatile boolean working;

    private static void busy() {
        working = true;
        long end = System.currentTimeMillis() + WORK_MS;
        while (System.currentTimeMillis() < end) {
            Thread.onSpinWait();
        }
        working = false;
    }

    @Test
    void workOnTheDisplayThreadStarvesItWorkInAJobDoesNot() {
        UIJob blocking = new UIJob("blocking") {
            @Override
            public IStatus runInUIThread(IProgressMonitor monitor) {
                busy();
                return Status.OK_STATUS;
            }
        };
        assertEquals(0, Ui.ticksWhile(blocking, () -> working), "work on the display thread lets no timer run");

        EdgewiseJob background = new EdgewiseJob("background", "background failed") {
            @Override
            protected void work(IProgressMonitor monitor) {
                busy();
            }
        };
        int ticks = Ui.ticksWhile(background, () -> working);
        assertTrue(ticks >= 10, "the display thread ran only " + ticks + " 10-ms timers in " + WORK_MS + " ms");
    }

    @Test
    void theMonitorAdapterPassesWorkSubTasksAndCancel() {
        List<String> calls = new ArrayList<>();
        IProgressMonitor monitor = new org.eclipse.core.runtime.NullProgressMonitor() {
            @Override
            public void worked(int work) {
                calls.add("worked " + work);
            }

            @Override
            public void subTask(String name) {
                calls.add("subTask " + name);
            }
        };
        MonitorAdapter adapter = new MonitorAdapter(monitor);
        adapter.subTask("slab 1/4");
        adapter.worked(3);
        assertEquals(List.of("subTask slab 1/4", "worked 3"), calls);
        assertTrue(!adapter.isCancelled());
        monitor.setCanceled(true);
        assertTrue(adapter.isCancelled());
    }
}
