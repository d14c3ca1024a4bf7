package org.edgewise.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.edgewise.api.files.FileTrees;

/**
 * The driver of a batch: one Spark job per run (at most {@code parallel} at once), each a single task running
 * {@link RunTask}; progress on the terminal; then the combined tables and the report. Runs are independent: a run
 * that fails, or whose task Spark gives up on, becomes an error row and the others go on. {@link #cancel()} (Ctrl-C
 * in {@code edgewise batch}) kills the running tasks, leaves every finished run in place and removes the unfinished
 * runs' hidden folders.
 */
public final class BatchRunner {

    /**
     * How to run a batch.
     *
     * @param master     Spark master: {@code local[*]}, {@code local[N]} or {@code spark://HOST:PORT}
     * @param parallel   at most this many runs at once; 0 = as many as Spark has cores
     * @param conf       further Spark settings (e.g. {@code spark.executor.memory → 8g})
     * @param analysis   the {@link RunAnalysis} class
     * @param redoFailed whether runs whose failure is recorded with unchanged inputs are tried again
     */
    public record Options(String master, int parallel, Map<String, String> conf, String analysis,
            boolean redoFailed) {
        public Options {
            conf = Map.copyOf(conf);
        }
    }

    /**
     * @param outcomes  one per run, in the manifest's order
     * @param cancelled whether the batch was cancelled
     * @param seconds   the batch's wall time
     */
    public record Result(List<RunOutcome> outcomes, boolean cancelled, double seconds) {
        /** @return the runs that failed */
        public long failed() {
            return outcomes.stream().filter(o -> o.status() == RunOutcome.Status.FAILED).count();
        }
    }

    private final BatchManifest manifest;
    private final Path out;
    private final Options options;
    private final PrintStream terminal;
    private volatile boolean cancelled;
    private volatile JavaSparkContext context;

    /**
     * @param manifest the runs
     * @param out      the output folder (created if needed); it must be on a file system every executor sees
     * @param options  how to run
     * @param terminal where progress goes
     */
    public BatchRunner(BatchManifest manifest, Path out, Options options, PrintStream terminal) {
        this.manifest = manifest;
        this.out = out.toAbsolutePath().normalize();
        this.options = options;
        this.terminal = terminal;
    }

    /**
     * Runs the batch and writes {@code summary.csv}, {@code particles.csv} and {@code batch-report.html}.
     *
     * @return every run's outcome
     * @throws IOException if the output folder or the combined files cannot be written
     */
    public Result run() throws IOException {
        JavaSparkContext started;
        try {
            started = new JavaSparkContext(sparkConf());
        } catch (Exception e) { // Spark throws its checked SparkException undeclared, e.g. for a bad --conf
            throw new SparkStartException(e);
        }
        try (JavaSparkContext spark = started) {
            spark.setLogLevel("WARN");
            return run(spark);
        }
    }

    /** Spark could not start with the batch's settings (a bad {@code --conf}, an unusable master). */
    public static final class SparkStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SparkStartException(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Runs the batch on a Spark context that the caller made and stops (tests run several batches on one).
     *
     * @param spark the context; its master decides where the runs go
     * @return every run's outcome
     * @throws IOException if the output folder or the combined files cannot be written
     */
    public Result run(JavaSparkContext spark) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(out.resolve(BatchFiles.STATE));
        List<RunSpec> runs = manifest.runs();
        Progress progress = new Progress(terminal, runs.stream().map(RunSpec::name).toList());
        Map<String, RunOutcome> outcomes = new ConcurrentHashMap<>();
        RunListener listener = new RunListener(progress);
        try {
            context = spark;
            spark.sc().addSparkListener(listener);
            int parallel = options.parallel() > 0 ? options.parallel() : Math.max(1, spark.defaultParallelism());
            parallel = Math.min(parallel, runs.size());
            progress.note(runs.size() + " runs on " + spark.master() + ", at most " + parallel + " at once; output "
                    + out);
            ExecutorService drivers = Executors.newFixedThreadPool(parallel, daemonThreads());
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec run : runs) {
                futures.add(drivers.submit(() -> {
                    RunOutcome outcome = runOne(spark, run);
                    outcomes.put(run.name(), outcome);
                    progress.finished(outcome);
                }));
            }
            drivers.shutdown();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a run's driver thread failed", e.getCause());
                }
            }
            if (cancelled) {
                waitForTasksToStop(spark);
            }
        } finally {
            context = null;
            spark.sc().removeSparkListener(listener);
        }
        removeLeftovers();
        List<RunOutcome> ordered = new ArrayList<>();
        for (RunSpec run : runs) {
            ordered.add(outcomes.getOrDefault(run.name(), new RunOutcome(run.name(), RunOutcome.Status.CANCELLED,
                    "the batch was cancelled before the run started", 0, "", 0, List.of(), false)));
        }
        Result result = new Result(ordered, cancelled, (System.nanoTime() - start) / 1e9);
        BatchTables.write(out, manifest, result);
        BatchReport.write(out, manifest, result);
        return result;
    }

    /** Stops the batch: running tasks are killed, waiting runs are not started; finished runs stay. */
    public void cancel() {
        cancelled = true;
        JavaSparkContext spark = context;
        if (spark != null) {
            spark.cancelAllJobs();
        }
    }

    private RunOutcome runOne(JavaSparkContext spark, RunSpec run) {
        if (cancelled) {
            return new RunOutcome(run.name(), RunOutcome.Status.CANCELLED, "the batch was cancelled before the run"
                    + " started", 0, "", 0, List.of(), false);
        }
        long start = System.nanoTime();
        spark.setJobGroup(run.name(), "edgewise batch run " + run.name(), true);
        try {
            RunTask task = new RunTask(out.toString(), options.analysis(), options.redoFailed());
            return spark.parallelize(List.of(run), 1).map(task).collect().get(0);
        } catch (Exception e) { // Spark throws its checked SparkException from collect() undeclared
            double seconds = (System.nanoTime() - start) / 1e9;
            if (cancelled) {
                return new RunOutcome(run.name(), RunOutcome.Status.CANCELLED, "cancelled while running", seconds, "",
                        0, List.of(), false);
            }
            // Spark gave up on the task (it failed spark.task.maxFailures times, e.g. executors lost one after the other)
            return new RunOutcome(run.name(), RunOutcome.Status.FAILED, "Spark: " + RunTask.oneLine(e), seconds,
                    "", 0, List.of(), false);
        } finally {
            spark.clearJobGroup();
        }
    }

    /** @return the Spark settings of {@link #run()}: master, loopback addresses on one machine, executors' class path */
    SparkConf sparkConf() {
        SparkConf conf = new SparkConf().setAppName("edgewise batch " + manifest.file().getFileName())
                .setMaster(options.master()).set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        String host = masterHost(options.master());
        if (host == null || host.equals("127.0.0.1") || host.equals("localhost")) {
            // a single machine: keep every port on the loopback interface
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (options.master().startsWith("spark://")) {
            // executors run from the same installation on the shared file system (docs/batch.md)
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        }
        options.conf().forEach(conf::set);
        return conf;
    }

    private static String masterHost(String master) {
        if (!master.startsWith("spark://")) {
            return null;
        }
        try {
            return URI.create(master.split(",")[0]).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void waitForTasksToStop(JavaSparkContext spark) {
        // killed tasks notice at their next cancellation check; give them a moment to remove their folders
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && spark.statusTracker().getActiveJobIds().length > 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Removes the hidden folders of attempts that did not finish (a lost executor, a cancelled batch). */
    private void removeLeftovers() throws IOException {
        Map<String, Boolean> names = new LinkedHashMap<>();
        manifest.runs().forEach(run -> names.put(run.name(), true));
        Pattern leftover = Pattern.compile("\\.(.+)\\.[0-9a-f-]{36}(" + Pattern.quote(RunTask.STAGING_SUFFIX) + "|"
                + Pattern.quote(RunTask.REPLACED_SUFFIX) + ")");
        try (Stream<Path> list = Files.list(out)) {
            for (Path path : list.toList()) {
                var match = leftover.matcher(path.getFileName().toString());
                if (match.matches() && names.containsKey(match.group(1))) {
                    FileTrees.deleteQuietly(path);
                }
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "edgewise-batch-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Tells the progress which run a task belongs to: each run's job carries the run's name as its job group. */
    private static final class RunListener extends SparkListener {
        private final Progress progress;
        private final Map<Integer, String> runOfStage = new ConcurrentHashMap<>();

        RunListener(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            String run = jobStart.properties() == null ? null
                    : jobStart.properties().getProperty("spark.jobGroup.id");
            if (run != null) {
                for (Object stage : scala.jdk.javaapi.CollectionConverters.asJava(jobStart.stageIds())) {
                    runOfStage.put((Integer) stage, run);
                }
            }
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            String run = runOfStage.get(taskStart.stageId());
            if (run != null) {
                progress.started(run, "executor " + taskStart.taskInfo().executorId() + " on "
                        + taskStart.taskInfo().host(), taskStart.taskInfo().attemptNumber());
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            String run = runOfStage.get(taskEnd.stageId());
            if (run != null && !(taskEnd.reason() instanceof org.apache.spark.Success$)
                    && !(taskEnd.reason() instanceof org.apache.spark.TaskKilled)) {
                progress.lostAttempt(run, taskEnd.reason().toString().lines().findFirst().orElse(""));
            }
        }
    }
}
