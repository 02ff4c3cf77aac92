package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: library and DL4J versions, backend and device, Java and OS, the git
 * commit of the working copy when there is one, the command, and the run's own settings. Written with
 * every result file so a number can always be traced to what produced it. Every command builds it the
 * same way: {@code Provenance.of("tune").with("trials", 9)...build()}.
 */
public final class Provenance {

    private Provenance() {
    }

    /**
     * A provenance of {@code command}: the environment (versions, backend, device, commit, time), then
     * {@code command}, then what the command adds with {@link Builder#with}, in that order.
     */
    public static Builder of(String command) {
        return new Builder(environment(), command);
    }

    /** The keys and values of one provenance, in the order they are added; a key is added once. */
    public static final class Builder {

        private final Map<String, Object> values;

        Builder(Map<String, String> environment, String command) {
            values = new LinkedHashMap<>(environment);
            with("command", command);
        }

        /**
         * Adds {@code key} with {@code value} (a string, number, boolean or list of them).
         *
         * @throws IllegalArgumentException when the key is there already (an environment key or one added
         *                                  before): two values for one key would hide one of them
         */
        public Builder with(String key, Object value) {
            Objects.requireNonNull(value, () -> "provenance value of " + key);
            if (values.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("provenance key '" + key + "' is given twice (" + values.get(key)
                        + ", then " + value + ")");
            }
            return this;
        }

        /** Adds every entry of {@code more}, in its order, as {@link #with} does. */
        public Builder withAll(Map<String, ?> more) {
            more.forEach(this::with);
            return this;
        }

        /** The values as added, for JSON files that keep numbers and booleans as such. */
        public Map<String, Object> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The values as text ({@link String#valueOf}), for {@link ResultsWriter}'s files. */
        public Map<String, String> buildText() {
            Map<String, String> text = new LinkedHashMap<>();
            values.forEach((key, value) -> text.put(key, String.valueOf(value)));
            return Collections.unmodifiableMap(text);
        }

        /** Writes {@link #build()} to {@code file} as indented JSON, atomically ({@link AtomicFiles}). */
        public void writeJson(Path file) {
            try {
                AtomicFiles.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(build()) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("provenance is plain values, got " + values, e);
            }
        }
    }

    /** The environment part: versions, backend, device, commit, time. */
    private static Map<String, String> environment() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("dl4j_schedules_version", mavenVersion("io.github.dl4jschedules", "dl4j-schedules"));
        values.put("dl4j_version", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        values.put("nd4j_backend", FastPath.backend());
        values.put("native_build", System.getProperty(FastPath.PLATFORM_EXTENSION_PROPERTY, "stock"));
        values.put("device", device());
        values.put("cpu_cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        values.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        values.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        values.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        values.put("git_commit", gitCommit());
        values.put("time", Instant.now().toString());
        return values;
    }

    /** The device ND4J computes on: the GPU's name on CUDA, the CPU model otherwise. */
    public static String device() {
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        Object devices = info.get("cuda.devicesInformation");
        if (devices instanceof java.util.List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            return String.valueOf(first.get("cuda.deviceName"));
        }
        return CpuInfo.model().orElse(System.getProperty("os.arch") + " CPU");
    }

    /** The version of a Maven artifact on the class path, from its {@code pom.properties}. */
    public static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        Package pkg = Provenance.class.getPackage();
        return pkg.getImplementationVersion() != null ? pkg.getImplementationVersion() : "unknown (not packaged)";
    }

    private static String gitCommit() {
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException e) {
            return "unknown (no git)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
