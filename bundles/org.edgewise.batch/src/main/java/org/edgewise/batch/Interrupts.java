package org.edgewise.batch;

import sun.misc.Signal;

/**
 * Ctrl-C for the batch driver. The JVM's default would start shutting down at once, while Spark's own shutdown hook
 * stops the context under the running tasks; instead the first Ctrl-C cancels the batch (the driver then writes what
 * finished and exits with 130) and a second one exits at once.
 */
final class Interrupts {

    private static volatile boolean pressed;

    private Interrupts() {
    }

    static void onCtrlC(Runnable cancel) {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (pressed) {
                    System.exit(130);
                }
                pressed = true;
                Thread thread = new Thread(cancel, "edgewise-batch-cancel");
                thread.setDaemon(true);
                thread.start();
            });
        } catch (IllegalArgumentException e) {
            // no SIGINT on this platform (or it is ignored, as for background jobs): nothing to cancel from
        }
    }
}
