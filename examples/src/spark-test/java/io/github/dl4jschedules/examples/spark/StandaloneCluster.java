package io.github.dl4jschedules.examples.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Spark standalone cluster on this machine, from Maven's jars (there is no Spark distribution):
 * one master and {@code workers} worker JVMs, all bound to 127.0.0.1, started from spark-core's
 * {@code org.apache.spark.deploy.master.Master} and {@code org.apache.spark.deploy.worker.Worker} with
 * the test's class path and JVM options. The workers launch the executors as JVMs of their own; their
 * class path is Spark's {@code SPARK_HOME/jars} (an empty folder here) plus what the application gives
 * in {@code spark.executor.extraClassPath} ({@link #applicationConf}). {@link #close} destroys every
 * process it started and their descendants (the executors), also after a failed start.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path folder;
    private final List<Process> processes = new ArrayList<>();
    private final String classPath;
    private final List<String> jvmOptions;
    private final int masterPort;

    private StandaloneCluster(Path folder) throws IOException {
        this.folder = folder;
        // surefire runs the tests from a manifest-only jar and names the real class path here
        this.classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        this.jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens") || option.startsWith("-Daeron."))
                .toList();
        this.masterPort = freePort();
    }

    /**
     * Starts the master and {@code workers} workers of one core and {@code memoryMb} each, and waits
     * until every worker has registered with the master.
     *
     * @throws IllegalStateException naming the process that did not start, with the end of its log
     */
    static StandaloneCluster start(Path folder, int workers, int memoryMb) throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(folder);
        try {
            Path sparkHome = Files.createDirectories(folder.resolve("spark-home/jars"));
            Process master = cluster.launch("master", "org.apache.spark.deploy.master.Master",
                    List.of("--host", "127.0.0.1", "--port", Integer.toString(cluster.masterPort), "--webui-port",
                            Integer.toString(freePort())), sparkHome.getParent());
            cluster.await("master", master, "I have been elected leader");
            List<Process> started = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                String name = "worker-" + worker;
                started.add(cluster.launch(name, "org.apache.spark.deploy.worker.Worker",
                        List.of("--host", "127.0.0.1", "--cores", "1", "--memory", memoryMb + "m", "--webui-port",
                                Integer.toString(freePort()), "--work-dir", folder.resolve(name).toString(), cluster.url()),
                        sparkHome.getParent()));
            }
            for (int worker = 0; worker < workers; worker++) {
                cluster.await("worker-" + worker, started.get(worker), "Successfully registered with master");
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:<port>}. */
    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * The Spark settings an application on this cluster needs, as system properties for the driver's
     * {@code SparkConf}: the driver on 127.0.0.1, and executors of one core with the test's class path
     * and JVM options.
     */
    Map<String, String> applicationConf(int executorMemoryMb) {
        return Map.of(
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                "spark.executor.cores", "1",
                "spark.executor.memory", executorMemoryMb + "m",
                "spark.executor.extraClassPath", classPath,
                "spark.executor.extraJavaOptions", String.join(" ", jvmOptions),
                "spark.executorEnv.OMP_NUM_THREADS", "1");
    }

    /** Every process the cluster started that is still alive, with their descendants. */
    List<ProcessHandle> alive() {
        return processes.stream().flatMap(p -> java.util.stream.Stream.concat(p.descendants(), java.util.stream.Stream.of(p.toHandle())))
                .filter(ProcessHandle::isAlive).collect(Collectors.toList());
    }

    /** The log of the process {@code name} (master, worker-0, ...). */
    Path log(String name) {
        return folder.resolve(name + ".log");
    }

    private Process launch(String name, String mainClass, List<String> arguments, Path sparkHome) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        // the examples' slf4j-simple logs warnings only; the start-up lines awaited are Spark's INFO
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.spark.deploy=info");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");     // else Spark's launcher looks for a source build
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOG_DIR", folder.toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void await(String name, Process process, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String log = Files.readString(log(name), StandardCharsets.UTF_8);
            if (log.contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the Spark standalone " + name + " exited with " + process.exitValue()
                        + " before '" + line + "'; its log ends:\n" + tail(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the Spark standalone " + name + " did not log '" + line + "' within "
                + START_TIMEOUT.toSeconds() + " s; its log ends:\n" + tail(Files.readString(log(name), StandardCharsets.UTF_8)));
    }

    private static String tail(String log) {
        return log.length() <= 4000 ? log : log.substring(log.length() - 4000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Destroys the processes in reverse order of start, each with its descendants, waiting for each to end. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
    }
}
