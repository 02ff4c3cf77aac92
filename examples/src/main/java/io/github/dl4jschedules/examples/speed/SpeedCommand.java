package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.OptionDefaults;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.EpochsOption;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.run.CpuInfo;
import io.github.dl4jschedules.examples.run.EnumConverters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code speed}: the same training five ways, each in a child process, and a table of their per-epoch
 * times (see the package documentation). A benchmark to run by hand, not a test: times depend on the
 * machine and on what else runs on it, so the table shows the load average, and {@code --rounds N}
 * runs all variants N times in turn (A B C A B C ...) so that a change of load hits them alike.
 *
 * <p>Every variant trains the same network on the bundled subset with Adam at a rate of 0.001 halved
 * after every epoch, the same batch size, epochs and seed. The Java children run with this JVM's
 * {@code java} and class path; {@code plain} gets an environment without {@code OMP_NUM_THREADS},
 * {@code fast} and {@code bare-fit} get {@code OMP_NUM_THREADS=1}. The two PyTorch peers (DJL on
 * libtorch, and Debian's PyTorch) run with {@code --torch-threads} threads.
 */
@Command(name = "speed", resourceBundle = "io.github.dl4jschedules.examples.speed.SpeedCommand$Texts",
        defaultValueProvider = SpeedCommand.Defaults.class,
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares per-epoch training times: plain DL4J (train --no-fast), the fast path (train),",
                "a bare MultiLayerNetwork.fit loop with the fast path's settings (the training loop's overhead),",
                "DJL on libtorch (peers/djl, built with mvn -Pdjl) and PyTorch (tools/peer/pytorch_mnist.py, if",
                "/usr/bin/python3 has torch), each in its own process. All train the same network on the bundled",
                "MNIST subset with Adam, lr 0.001 halved after every epoch, same batch, epochs and seed."},
        subcommands = {BareFitCommand.class, BreakdownCommand.class})
public final class SpeedCommand implements Callable<Integer> {

    /** Where the PyTorch peer lives, relative to the repository root. */
    static final String PEER_SCRIPT = "tools/peer/pytorch_mnist.py";

    /** The DJL peer's runtime class path, written by its build, relative to the repository root. */
    static final String DJL_CLASSPATH = "peers/djl/target/runtime-classpath.txt";

    /** The DJL peer's main class. */
    static final String DJL_MAIN = "io.github.dl4jschedules.peers.djl.DjlPeer";

    /** How to build the DJL peer (from the repository root). */
    static final String DJL_BUILD = "mvn -B -Pdjl install -DskipTests";

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    EpochsOption epochs;

    @Mixin
    BatchOption batch;

    @Mixin
    SeedOption seed;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Run all variants N times in turn, alternating (default: ${DEFAULT-VALUE}); the table shows the means over the rounds.")
    int rounds;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Keep the raw results here: VARIANT.json and VARIANT.log per variant (VARIANT-rN.* with --rounds), summary.txt (default: a temporary folder, deleted).")
    Path out;

    @Option(names = "--skip-plain", description = "Leave out plain DL4J (the slowest variant).")
    boolean skipPlain;

    @Option(names = "--skip-djl", description = "Leave out DJL/libtorch.")
    boolean skipDjl;

    @Option(names = "--djl-peer", paramLabel = "FILE",
            description = "The DJL peer's class-path file (default: " + DJL_CLASSPATH + " above the working folder or the class files).")
    Path djlPeer;

    @Option(names = "--djl-jvm-option", paramLabel = "OPTION",
            description = "A JVM option for the DJL peer only, repeatable (e.g. --djl-jvm-option=-XX:+UseParallelGC, which made its MLP epoch about 3x slower here; default: none, the JVM's own settings).")
    List<String> djlJvmOptions = new ArrayList<>();

    @Option(names = "--skip-torch", description = "Leave out PyTorch.")
    boolean skipTorch;

    @Mixin
    DataLimits limits;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "Python with torch for the PyTorch peer (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--torch-threads", paramLabel = "N", defaultValue = "1",
            description = "Threads of both PyTorch peers: torch.set_num_threads, and libtorch's intra- and inter-op threads in DJL (default: ${DEFAULT-VALUE}: faster than 2 on a 2-core machine).")
    int torchThreads;

    /**
     * One way of training: its process, without the {@code --out FILE.json} that each run adds.
     *
     * @param environment variables to set; a null value removes the variable
     */
    record Variant(String name, String label, List<String> command, Map<String, String> environment) {

        /** The results file of this variant's run in {@code round} (1-based) of {@code rounds}. */
        Path results(Path dir, int round, int rounds) {
            return dir.resolve(fileStem(round, rounds) + ".json");
        }

        /** The log of this variant's run in {@code round} (1-based) of {@code rounds}. */
        Path log(Path dir, int round, int rounds) {
            return dir.resolve(fileStem(round, rounds) + ".log");
        }

        private String fileStem(int round, int rounds) {
            return rounds == 1 ? name : name + "-r" + round;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        epochs.validate(spec);
        batch.validate(spec);
        Validation.requirePositive(spec, "--rounds", rounds);
        limits.validate(spec);
        Validation.requirePositive(spec, "--torch-threads", torchThreads);
        Validation.require(spec, out == null || !Files.exists(out) || Files.isDirectory(out),
                "--out must be a folder, got the file " + out);
        PrintWriter console = spec.commandLine().getOut();
        Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("dl4j-schedules-speed");
        try {
            return compare(dir, console);
        } finally {
            if (out == null) {
                deleteRecursively(dir);
            }
        }
    }

    private int compare(Path dir, PrintWriter console) throws IOException, InterruptedException {
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "speed: model %s, adam %s, batch %d, %d epochs, seed %d, data %s%s%n",
                EnumConverters.name(model.kind()), BareFitCommand.SCHEDULE, batch.value(), epochs.value(), seed.value(), dataDescription(),
                rounds == 1 ? "" : ", " + rounds + " rounds"));
        summary.append(String.format(Locale.ROOT, "machine: %s, %d cores; load average before: %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), loadAverage()));
        console.print(summary);
        console.flush();

        List<Variant> variants = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!skipPlain) {
            variants.add(javaVariant("plain", "train --no-fast: stock native build, ND4J's default threads, OMP_NUM_THREADS unset",
                    null, "train", "--no-fast"));
        }
        variants.add(javaVariant("fast", "train: oneDNN build and helpers, one thread, OMP_NUM_THREADS=1, no JavaCPP memory check", "1", "train"));
        variants.add(javaVariant("bare-fit", "MultiLayerNetwork.fit per epoch, fast-path settings, no listener", "1",
                "speed", "bare-fit"));
        if (skipDjl) {
            notes.add("djl: left out (--skip-djl)");
        } else {
            Optional<Path> classpath = djlPeer == null ? findAbove(DJL_CLASSPATH)
                    : Optional.of(djlPeer).filter(Files::isRegularFile);
            if (classpath.isEmpty()) {
                notes.add(djlMissing());
                console.println("note: " + djlMissing());
            } else {
                variants.add(djlVariant(classpath.get()));
            }
        }
        if (skipTorch) {
            notes.add("pytorch: left out (--skip-torch)");
        } else {
            Optional<String> why = torchUnavailable();
            Optional<Path> script = findAbove(PEER_SCRIPT);
            if (why.isPresent()) {
                notes.add("pytorch: left out, " + why.get());
            } else if (script.isEmpty()) {
                notes.add("pytorch: left out, " + PEER_SCRIPT + " not found above the working folder or the class files");
            } else {
                variants.add(torchVariant(script.get()));
            }
        }

        Map<String, List<VariantResult>> byVariant = new LinkedHashMap<>();
        boolean failed = false;
        for (int round = 1; round <= rounds; round++) {
            for (Variant variant : variants) {
                console.printf(Locale.ROOT, "%n[%s]%s %s%n", variant.name(),
                        rounds == 1 ? "" : String.format(Locale.ROOT, " round %d/%d", round, rounds), variant.label());
                console.flush();
                Path results = variant.results(dir, round, rounds);
                Path log = variant.log(dir, round, rounds);
                List<String> command = new ArrayList<>(variant.command());
                command.addAll(List.of("--out", results.toString()));
                List<Double> cpuAtEpochLines = new ArrayList<>();
                int exitCode = runChild(command, variant.environment(), log, console, cpuAtEpochLines);
                if (exitCode == 0 && Files.isRegularFile(results)) {
                    byVariant.computeIfAbsent(variant.name(), k -> new ArrayList<>())
                            .add(VariantResult.read(variant.name(), results).withCpuSeconds(differences(cpuAtEpochLines)));
                } else {
                    failed = true;
                    notes.add(variant.name() + ": failed with exit code " + exitCode + ", see " + log);
                }
            }
        }
        List<VariantResult> results = byVariant.values().stream().map(VariantResult::meanOf).toList();

        summary.append("load average after: ").append(loadAverage()).append('\n');
        for (Variant variant : variants) {
            summary.append(String.format(Locale.ROOT, "  %-9s %s%n", variant.name(), variant.label()));
        }
        if (rounds > 1) {
            summary.append(String.format(Locale.ROOT, "%nmeans over %d rounds, run alternately; each round's mean epoch time:%n",
                    rounds));
            byVariant.forEach((name, runs) -> summary.append(String.format(Locale.ROOT, "  %-9s %s%n", name,
                    runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.meanSeconds().orElse(Double.NaN)))
                            .collect(Collectors.joining(" ")))));
        }
        summary.append('\n').append(SpeedTable.format(results));
        for (String note : notes) {
            summary.append("note: ").append(note).append('\n');
        }
        results.stream().filter(r -> r.name().equals("djl")).findFirst().ifPresent(r -> summary.append(String.format(
                Locale.ROOT, "djl: DJL %s, %s, %s intra-op / %s inter-op thread(s)%n",
                r.provenance().getOrDefault("djl_version", "?"), r.provenance().getOrDefault("engine", "?"),
                r.provenance().getOrDefault("torch_threads", "?"), r.provenance().getOrDefault("torch_interop_threads", "?"))));
        results.stream().filter(r -> r.name().equals("pytorch")).findFirst().ifPresent(r -> summary.append(String.format(
                Locale.ROOT, "pytorch: torch %s, %s thread(s), BLAS %s (%s)%n", r.provenance().getOrDefault("torch_version", "?"),
                r.provenance().getOrDefault("torch_threads", "?"), r.provenance().getOrDefault("torch_blas", "?"),
                r.provenance().getOrDefault("torch_blas_library", "?"))));
        Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        console.printf("%n%s", summary.substring(summary.indexOf("load average after:")));
        if (out != null) {
            console.println("raw results in " + out);
        }
        console.flush();
        return failed ? 1 : 0;
    }

    /** The note when the DJL peer has not been built: what is missing and the command that builds it. */
    private String djlMissing() {
        return "djl: left out, the DJL/libtorch peer is not built (" + (djlPeer == null ? "no " + DJL_CLASSPATH
                + " above the working folder or the class files" : "no file " + djlPeer) + "); build it once with '" + DJL_BUILD
                + "' (downloads DJL 0.36.0 and libtorch 2.7.1, about 110 MB), or pass --skip-djl";
    }

    /**
     * A DL4J variant: {@code plain} (no {@code OMP_NUM_THREADS}, JavaCPP's defaults) when {@code ompThreads}
     * is null, else a fast-path one, with {@link #javaCppOptions()}.
     */
    private Variant javaVariant(String name, String label, String ompThreads, String... command) {
        List<String> line = new ArrayList<>();
        line.add(javaBinary());
        line.addAll(memoryOptions());
        if (ompThreads != null) {
            line.addAll(javaCppOptions());
        }
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        // the class of the command line that runs this command (Main), without an import of it
        line.add(spec.root().userObject().getClass().getName());
        line.addAll(List.of(command));
        line.addAll(commonArguments());
        if (command[0].equals("train")) {
            line.addAll(List.of("--updater", BareFitCommand.UPDATER.name().toLowerCase(Locale.ROOT),
                    "--schedule", BareFitCommand.SCHEDULE, "--no-progress"));
        }
        line.addAll(limits.arguments());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OMP_NUM_THREADS", ompThreads);
        return new Variant(name, label, line, environment);
    }

    /**
     * The DJL peer: its classes next to the class-path file its build wrote, libtorch unpacked into its
     * build folder ({@code DJL_CACHE_DIR}), offline, with {@code --torch-threads} threads.
     */
    private Variant djlVariant(Path classpathFile) throws IOException {
        Path target = classpathFile.getParent();
        String threads = Integer.toString(torchThreads);
        List<String> line = new ArrayList<>();
        line.add(javaBinary());
        line.addAll(memoryOptions());
        line.addAll(djlJvmOptions);
        line.addAll(List.of("-Dai.djl.offline=true", "-DDJL_CACHE_DIR=" + target.resolve("djl-cache"),
                "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=" + threads));
        line.add("-cp");
        line.add(target.resolve("classes") + File.pathSeparator
                + Files.readString(classpathFile, StandardCharsets.UTF_8).trim());
        line.add(DJL_MAIN);
        line.addAll(commonArguments());
        line.addAll(List.of("--schedule", BareFitCommand.SCHEDULE, "--threads", threads));
        line.addAll(limits.arguments());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OMP_NUM_THREADS", threads);
        return new Variant("djl", "DJL on libtorch (peers/djl), same network, data, batches and schedule, " + threads
                + " thread(s)" + (djlJvmOptions.isEmpty() ? "" : ", JVM options " + String.join(" ", djlJvmOptions)),
                line, environment);
    }

    private Variant torchVariant(Path script) {
        List<String> line = new ArrayList<>(List.of(python, script.toString()));
        line.addAll(commonArguments());
        line.addAll(List.of("--lr", Double.toString(BareFitCommand.RATE), "--gamma", Double.toString(BareFitCommand.FACTOR),
                "--threads", Integer.toString(torchThreads)));
        line.addAll(limits.arguments());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OMP_NUM_THREADS", null);
        return new Variant("pytorch", "PyTorch " + PEER_SCRIPT + ", same network and data, torch.set_num_threads("
                + torchThreads + ")", line, environment);
    }

    private List<String> commonArguments() {
        return List.of("--model", EnumConverters.name(model.kind()), "--epochs", Integer.toString(epochs.value()),
                "--batch", Integer.toString(batch.value()), "--seed", Long.toString(seed.value()));
    }

    private String dataDescription() {
        return "bundled MNIST subset" + (limits.arguments().isEmpty() ? " (8,000 train, 2,000 test)"
                : String.format(Locale.ROOT, " (first %s train, %s test)", limits.provenance().get("train_limit"),
                limits.provenance().get("test_limit")));
    }

    /** Per-epoch values from cumulative ones: the first as it is, then the differences. */
    static List<Double> differences(List<Double> cumulative) {
        List<Double> perEpoch = new ArrayList<>(cumulative.size());
        for (int i = 0; i < cumulative.size(); i++) {
            perEpoch.add(i == 0 ? cumulative.get(0) : cumulative.get(i) - cumulative.get(i - 1));
        }
        return perEpoch;
    }

    /** Clock ticks per second of {@code /proc/PID/stat}'s times ({@code getconf CLK_TCK}; 100 on Linux x86-64). */
    static final double CLOCK_TICKS = 100;

    /**
     * The CPU seconds (user + system, all threads) the process {@code pid} has used so far, from
     * {@code /proc/PID/stat} (fields 14 and 15), or NaN where there is no such file (not Linux).
     */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Runs a child to its end: everything it prints goes to {@code log}; its epoch lines, and its last
     * lines when it fails, also to the console. At every line that starts with {@code "epoch "} (which
     * every variant prints after an epoch's evaluation) the child's CPU seconds so far are added to
     * {@code cpuAtEpochLines}: CPU time does not count the time the child waited for a core, so on a
     * busy machine it compares the variants' work where their wall times mostly measure the load.
     */
    static int runChild(List<String> command, Map<String, String> environment, Path log, PrintWriter console,
                        List<Double> cpuAtEpochLines) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            console.println("  cannot start " + command.get(0) + ": " + e.getMessage());
            return -1;
        }
        Deque<String> tail = new ArrayDeque<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            logWriter.write("$ " + String.join(" ", command) + System.lineSeparator());
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("epoch ")) {
                    cpuAtEpochLines.add(cpuSeconds(process.pid()));
                }
                logWriter.write(line + System.lineSeparator());
                logWriter.flush();
                if (line.startsWith("epoch ") || line.startsWith("bare fit:") || line.startsWith("pytorch ")
                        || line.startsWith("backend ") || line.startsWith("djl ")) {
                    console.println("  " + line);
                    console.flush();
                }
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        }
        int exitCode = process.waitFor();
        if (exitCode != 0) {
            console.println("  failed (exit code " + exitCode + "); last lines of " + log + ":");
            tail.forEach(line -> console.println("  | " + line));
        }
        return exitCode;
    }

    /** Why {@code python} cannot run the peer, or empty if it can (it imports torch). */
    private Optional<String> torchUnavailable() throws InterruptedException {
        try {
            Process process = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(python + " -c \"import torch\" did not finish in 120 s");
            }
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of(python + " cannot import torch (exit code " + process.exitValue() + ")");
        } catch (IOException e) {
            return Optional.of("cannot run " + python + ": " + e.getMessage());
        }
    }

    /**
     * {@code relative} (a path from the repository root, e.g. {@value #PEER_SCRIPT}) in the working
     * folder or a folder above it, or above the class files.
     */
    static Optional<Path> findAbove(String relative) {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(SpeedCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception e) {
            // no code source (unusual class loader): the working folder only
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path file = dir.resolve(relative);
                if (Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code java} this JVM runs on. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's heap and direct-memory options, for every Java child alike (JAVA_OPTS=-Xmx8g examples/run speed). */
    static List<String> memoryOptions() {
        return inputArguments(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:MaxDirectMemorySize"));
    }

    /**
     * This JVM's setting of JavaCPP's resident-memory check ({@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}
     * from {@code examples/run}), for the fast-path children; {@code plain} keeps JavaCPP's default and
     * the DJL peer does not use JavaCPP.
     */
    static List<String> javaCppOptions() {
        return inputArguments(a -> a.toLowerCase(Locale.ROOT).startsWith("-dorg.bytedeco.javacpp.maxphysicalbytes="));
    }

    private static List<String> inputArguments(Predicate<String> wanted) {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(wanted).toList();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        return CpuInfo.model().orElse(System.getProperty("os.arch"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The defaults of the shared options of {@code speed} and its subcommands {@code bare-fit} and {@code breakdown}. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.of("--model", "lenet", "--epochs", "3"));
        }
    }

    /** This command's text of {@code --epochs}. */
    public static final class Texts extends HelpTexts {
        /** The text of {@code --epochs}. */
        public Texts() {
            super(Map.of("epochs", "Epochs of each variant (default: ${DEFAULT-VALUE}); the mean leaves out epoch 1 as warm-up."));
        }
    }
}
