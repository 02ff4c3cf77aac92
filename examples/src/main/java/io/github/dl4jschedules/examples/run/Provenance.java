package io.github.dl4jschedules.examples.run;

import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: library and DL4J versions, backend and device, Java and OS, the git
 * commit of the working copy when there is one, and the run's own settings. Written with every
 * result file so a number can always be traced to what produced it.
 */
public final class Provenance {

    private Provenance() {
    }

    /** The environment part: versions, backend, device, commit, time. */
    public static Map<String, String> environment() {
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
