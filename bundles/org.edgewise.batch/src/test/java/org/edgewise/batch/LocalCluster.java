package org.edgewise.batch;

import java.io.IOException;
import java.net.ServerSocket;
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
     * Starts a master and {@code workers} workers and waits until they have all registered.
     *
     * @param home a scratch folder (SPARK_HOME, logs, work dirs)
     */
    static LocalCluster start(Path home, int workers, int memoryMb) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        LocalCluster cluster = new LocalCluster(home, port, start(home, "master", List.of(
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + port, "--webui-port",
                "" + freePort())));
        try {
            for (int i = 1; i <= workers; i++) {
                cluster.workers.add(start(home, "worker" + i, List.of("org.apache.spark.deploy.worker.Worker",
                        cluster.url(), "--host", "127.0.0.1", "--cores", "1", "--memory", memoryMb + "m",
                        "--webui-port", "" + freePort(), "--work-dir", home.resolve("work" + i).toString())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (registered(home) < workers) {
                if (System.nanoTime() > deadline || !cluster.master.isAlive()) {
                    throw new IOException("the workers did not register with the master; see " + home);
                }
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** @return {@code spark://127.0.0.1:PORT} */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** Kills worker {@code index} (1-based) at once, as a machine failure would (its executor then exits too). */
    void kill(int index) {
        workers.get(index - 1).destroyForcibly();
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
                .toString(), "@" + Path.of("spark-jvm-flags.txt").toAbsolutePath(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(main);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        return builder.start();
    }

    private static long registered(Path home) throws IOException {
        Path log = home.resolve("master.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("Registering worker"))
                .count() : 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
