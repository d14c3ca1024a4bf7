package org.edgewise.batch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 started from the Spark jars of the test class path, without a Spark
 * distribution: a master and workers of one core each, each a JVM with the module flags of
 * {@code spark-jvm-flags.txt}. Workers start their executors with {@code SPARK_HOME/jars} (empty here) and the
 * driver's {@code spark.executor.extraClassPath}, which {@link BatchRunner} sets to its own class path.
 */
final class LocalCluster implements AutoCloseable {

    /** Master, workers and executors start faster on a busy machine with the quick compiler alone. */
    static final String QUICK_START_JVM = "-XX:TieredStopAtLevel=1";

    private final Path home;
    private final int port;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private LocalCluster(Path home, int port, Process master) {
        this.home = home;
        this.port = port;
        this.master = master;
    }

    /**
     * Starts a master, waits until it listens, then starts {@code workers} workers, which register with it while
     * the caller's driver starts (a starting worker that finds no master retries only after several seconds).
     *
     * @param home a scratch folder (SPARK_HOME, logs, work dirs)
     */
    static LocalCluster start(Path home, int workers, int memoryMb) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        int webUiPort = freePort();
        LocalCluster cluster = new LocalCluster(home, port, start(home, "master", List.of(
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + port, "--webui-port",
                "" + webUiPort)));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!cluster.listening()) {
                if (System.nanoTime() > deadline || !cluster.master.isAlive()) {
                    throw new IOException("the master did not start; see " + home.resolve("master.log"));
                }
                Thread.sleep(100);
            }
            for (int i = 1; i <= workers; i++) {
                cluster.workers.add(start(home, "worker" + i, List.of("org.apache.spark.deploy.worker.Worker",
                        cluster.url(), "--host", "127.0.0.1", "--cores", "1", "--memory", memoryMb + "m",
                        "--webui-port", "" + freePort(), "--work-dir", home.resolve("work" + i).toString())));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return {@code spark://127.0.0.1:PORT} */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * Kills worker {@code index} (1-based) and its executors at once with SIGKILL, as the loss of a machine would.
     * (An executor whose worker alone is killed notices it only after a while, and may first finish its task.)
     */
    void kill(int index) {
        Process worker = workers.get(index - 1);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process process : all) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // executors
            process.destroyForcibly();
        }
        for (Process process : all) {
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Process start(Path home, String name, List<String> main) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@" + Path.of("spark-jvm-flags.txt").toAbsolutePath(), "-Xmx256m", QUICK_START_JVM, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(main);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
