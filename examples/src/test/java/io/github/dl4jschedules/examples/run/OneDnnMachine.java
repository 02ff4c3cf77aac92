package io.github.dl4jschedules.examples.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tests' precondition for the oneDNN native build: an x86-64 processor with AVX2, read here from
 * {@code os.arch} and {@code /proc/cpuinfo} directly rather than through {@link FastPath}, whose own check
 * the fast-path tests must not take on trust.
 */
public final class OneDnnMachine {

    private OneDnnMachine() {
    }

    /** Skips the calling test (or class, from {@code @BeforeAll}) where the oneDNN build cannot load. */
    public static void assumeX86WithAvx2() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean avx2;
        try {
            avx2 = Files.readString(Path.of("/proc/cpuinfo")).contains(" avx2");
        } catch (Exception e) {
            avx2 = false;
        }
        assumeTrue((arch.equals("amd64") || arch.equals("x86_64")) && avx2, "the oneDNN build needs x86-64 with AVX2");
    }
}
