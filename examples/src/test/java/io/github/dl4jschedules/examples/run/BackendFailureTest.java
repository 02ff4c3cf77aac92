package io.github.dl4jschedules.examples.run;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4jBackend;

import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error line of a backend that cannot start, from the exception chains and the output ND4J 1.0.0-M2.1
 * produces; the CUDA output is what {@code MAVEN_ARGS=-Dcuda examples/run train} printed on a machine without
 * an NVIDIA driver (README, "Backends: CPU and CUDA"), shortened to its first and last lines.
 */
class BackendFailureTest {

    private static final String ND4J_MESSAGE = "Please ensure that you have an nd4j backend on your classpath. "
            + "Please see: https://deeplearning4j.konduit.ai/nd4j/backend";

    private static final String CUDA_OUTPUT = """
            java.lang.UnsatisfiedLinkError: /root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so: libcuda.so.1: cannot open shared object file: No such file or directory
            \tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)
            \tat org.nd4j.linalg.jcublas.JCublasBackend.canRun(JCublasBackend.java:66)
            WARN org.nd4j.linalg.factory.Nd4jBackend - Skipped [JCublasBackend] backend (unavailable): java.lang.UnsatisfiedLinkError: /root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/cuda/linux-x86_64/libjnicudart.so: libcuda.so.1: cannot open shared object file: No such file or directory
            """;

    private static final String CUDA_LINE = "the CUDA backend cannot start (libcuda.so.1: cannot open shared object "
            + "file: No such file or directory): a -Dcuda build needs an NVIDIA GPU and its driver for CUDA 11.6; "
            + "on a machine without one, build without -Dcuda for the CPU backend (README, \"Backends: CPU and CUDA\")";

    @Test
    void cudaWithoutDriverNamesTheMissingLibraryAndWhatToDo() {
        // Nd4j's static initialiser: initContext wraps the NoAvailableBackendException in a RuntimeException
        Throwable thrown = new ExceptionInInitializerError(
                new RuntimeException(new Nd4jBackend.NoAvailableBackendException(ND4J_MESSAGE)));

        assertThat(BackendFailure.describe(thrown, CUDA_OUTPUT)).isEqualTo(CUDA_LINE);
    }

    @Test
    void laterUseOfTheFailedNd4jClassIsTheSameFailure() {
        Throwable thrown = new NoClassDefFoundError("Could not initialize class org.nd4j.linalg.factory.Nd4j");

        assertThat(BackendFailure.describe(thrown, CUDA_OUTPUT)).isEqualTo(CUDA_LINE);
    }

    @Test
    void cpuBackendThatCannotLoadNamesTheFirstExceptionPrinted() {
        String output = "WARN org.nd4j.linalg.factory.Nd4jBackend - Skipped [CpuBackend] backend (unavailable): "
                + "java.lang.UnsatisfiedLinkError: no jnind4jcpu in java.library.path: /usr/lib\n";
        Throwable thrown = new RuntimeException(new Nd4jBackend.NoAvailableBackendException(ND4J_MESSAGE));

        assertThat(BackendFailure.describe(thrown, output)).isEqualTo("no ND4J backend can start "
                + "(java.lang.UnsatisfiedLinkError: no jnind4jcpu in java.library.path: /usr/lib); the examples need "
                + "nd4j-native (the default build) or nd4j-cuda-11.6 (-Dcuda)");
    }

    @Test
    void noBackendAtAllSaysSo() {
        Throwable thrown = new RuntimeException(new Nd4jBackend.NoAvailableBackendException(ND4J_MESSAGE));

        assertThat(BackendFailure.describe(thrown, "")).isEqualTo("no ND4J backend can start (no backend on the "
                + "class path); the examples need nd4j-native (the default build) or nd4j-cuda-11.6 (-Dcuda)");
    }

    @Test
    void otherFailuresAreNotBackendFailures() {
        assertThat(BackendFailure.describe(new IllegalStateException("disk full"), CUDA_OUTPUT)).isNull();
        assertThat(BackendFailure.describe(new NoClassDefFoundError("org/example/Missing"), CUDA_OUTPUT)).isNull();
    }

    @Test
    void theCpuBackendOfTheTestsStartsAndStandardErrorIsRestored() {
        PrintStream err = System.err;

        BackendFailure.loadBackend();

        assertThat(System.err).isSameAs(err);
    }
}
