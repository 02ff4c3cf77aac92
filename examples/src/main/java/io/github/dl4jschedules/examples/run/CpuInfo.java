package io.github.dl4jschedules.examples.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's {@code /proc/cpuinfo}, read once per JVM: the CPU model for provenance and the
 * {@code speed} summary, its flags for the fast path's AVX2 check. Empty where the file cannot be read
 * (not Linux).
 */
public final class CpuInfo {

    private static final String TEXT = read();

    private CpuInfo() {
    }

    /** The first {@code model name} line's value, e.g. {@code AMD EPYC 7B13}; empty where there is none. */
    public static Optional<String> model() {
        return TEXT.lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
    }

    /** Whether a {@code flags} line lists {@code flag}, e.g. {@code avx2}. */
    public static boolean hasFlag(String flag) {
        return TEXT.lines().filter(line -> line.startsWith("flags"))
                .anyMatch(line -> (" " + line.substring(line.indexOf(':') + 1) + " ").contains(" " + flag + " "));
    }

    private static String read() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
