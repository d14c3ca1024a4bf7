package org.edgewise.batch;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 started from the Spark jars of the test class path, without a Spark
 * distribution: a master and workers of one core each, each a JVM with the module flags of
 * {@code spark-jvm-flags.txt}. Workers start their executors with {@code SPARK_HOME/jars} (empty here) and the
 * driver's {@code spark.executor.extraClassPath}, which {@link BatchRunner} sets to its own class path.
 */
final class LocalCluster implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int webUiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    private LocalCluster(Path home, int port, int webUiPort, Process master) {
        this.home = home;
        this.port = port;
        this.webUiPort = webUiPort;
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
        int webUiPort = freePort();
        LocalCluster cluster = new LocalCluster(home, port, webUiPort, start(home, "master", List.of(
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + port, "--webui-port",
                "" + webUiPort)));
        try {
            for (int i = 1; i <= workers; i++) {
                cluster.workers.add(start(home, "worker" + i, List.of("org.apache.spark.deploy.worker.Worker",
                        cluster.url(), "--host", "127.0.0.1", "--cores", "1", "--memory", memoryMb + "m",
                        "--webui-port", "" + freePort(), "--work-dir", home.resolve("work" + i).toString())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (cluster.aliveWorkers() < workers) {
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

    /** @return the number of alive workers in the master's status page (its JSON), 0 while it is not up */
    private int aliveWorkers() {
        try {
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + webUiPort + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(status.body());
            return alive.find() ? Integer.parseInt(alive.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
