package org.edgewise.ui.tests.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.edgewise.ui.data.IDatasetRegistry;
import org.edgewise.ui.jobs.DemoJob;
import org.edgewise.ui.perspectives.Perspectives;
import org.edgewise.ui.preferences.EdgewisePreferences;
import org.edgewise.ui.tests.Ui;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Walks through the four perspectives with the simulated demo dataset and saves a screenshot of each with
 * ImageMagick's {@code import} (the X display of the test run, Xvfb). Runs only when {@code EDGEWISE_SCREENSHOTS}
 * names the folder to write to ({@code ./build.sh screenshots}).
 */
@EnabledIfEnvironmentVariable(named = "EDGEWISE_SCREENSHOTS", matches = ".+")
class ScreenshotTour {

    @Test
    void fourPerspectivesWithTheDemoDataset() throws Exception {
        Path out = Path.of(System.getenv("EDGEWISE_SCREENSHOTS"));
        Files.createDirectories(out);
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        window.setBounds(new Rectangle(0, 0, 1400, 900));
        IDatasetRegistry registry = PlatformUI.getWorkbench().getService(IDatasetRegistry.class);
        registry.clear();
        DemoJob demo = new DemoJob(out.resolve("data"), EdgewisePreferences.demo(), registry);
        assertTrue(Ui.run(demo).isOK());

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId(Perspectives.ALIGNMENT));
        settle();
        capture(out.resolve("alignment.png"));
    }

    private static void settle() throws InterruptedException {
        long end = System.currentTimeMillis() + 1500;
        while (System.currentTimeMillis() < end) {
            if (!Ui.display().readAndDispatch()) {
                Thread.sleep(10);
            }
        }
    }

    private static void capture(Path png) throws Exception {
        Process process = new ProcessBuilder("import", "-window", "root", "-crop", "1400x900+0+0", "+repage",
                png.toString()).inheritIO().start();
        assertEquals(0, process.waitFor(), "import " + png);
    }
}
