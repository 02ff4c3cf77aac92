package io.github.dl4jschedules.examples.run;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ND4J backend that cannot start, as one {@code error:} line. Without a usable GPU, ND4J's CUDA
 * backend prints the stack trace of JavaCPP's {@code UnsatisfiedLinkError} ({@code libcuda.so.1: cannot
 * open shared object file}) and a warning, then fails with a {@code NoAvailableBackendException} that no
 * longer says why. {@link #loadBackend()} starts the backend with that output held back: on success it is
 * passed on unchanged, on failure the reason it contains becomes this exception's message, which
 * {@code Main} prints as the run's one error line (exit code {@value io.github.dl4jschedules.examples.cli.RunFailure#RUN_TIME}).
 */
public final class BackendFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** A shared library the loader could not open, e.g. {@code libcuda.so.1: cannot open shared object file: ...}. */
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("([\\w.+-]+\\.(?:so|dylib|dll)[\\w.]*: cannot open shared object file[^\\r\\n]*)");
    /** The first exception named in other output: {@code java.lang.SomeError: message}. */
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("((?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Error|Exception): [^\\r\\n]+)");

    private BackendFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Starts ND4J's backend now; call after choosing the native build and before any ND4J work. What the
     * backend prints while it starts is held back and, when it starts, printed to standard error as usual.
     *
     * @throws BackendFailure if no backend starts, saying which and why
     */
    public static void loadBackend() {
        PrintStream err = System.err;
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        Throwable failure = null;
        System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
        try {
            Nd4j.getBackend();
        } catch (RuntimeException | LinkageError e) {
            failure = e;
        } finally {
            System.setErr(err);
        }
        String output = held.toString(StandardCharsets.UTF_8);
        if (failure == null) {
            err.print(output);
            err.flush();
            return;
        }
        String message = describe(failure, output);
        if (message == null) {
            err.print(output);
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (LinkageError) failure;
        }
        throw new BackendFailure(message, failure);
    }

    /**
     * The error line's text for a backend that did not start, or {@code null} if {@code failure} is not
     * about the backend.
     *
     * @param failure what ND4J threw: a {@code NoAvailableBackendException}, usually wrapped in a
     *                {@code RuntimeException} and, from {@code Nd4j}'s static initialiser, an
     *                {@code ExceptionInInitializerError}; a {@code NoClassDefFoundError} of {@code Nd4j} after that
     * @param output  what ND4J and JavaCPP printed while the backend was starting
     * @return the text, naming the backend, the reason and what to do
     */
    static String describe(Throwable failure, String output) {
        if (!backendFailure(failure)) {
            return null;
        }
        boolean cuda = output.contains("JCublasBackend") || output.contains("cuda");
        String reason = reason(output);
        if (cuda) {
            return "the CUDA backend cannot start (" + (reason == null ? "no reason given" : reason) + "): a -Dcuda "
                    + "build needs an NVIDIA GPU and its driver for CUDA 11.6; on a machine without one, build "
                    + "without -Dcuda for the CPU backend (README, \"Backends: CPU and CUDA\")";
        }
        return "no ND4J backend can start (" + (reason == null ? "no backend on the class path" : reason)
                + "); the examples need nd4j-native (the default build) or nd4j-cuda-11.6 (-Dcuda)";
    }

    private static boolean backendFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Nd4jBackend.NoAvailableBackendException) {
                return true;
            }
            if (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).contains("org.nd4j.linalg.factory.Nd4j")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(String output) {
        Matcher library = MISSING_LIBRARY.matcher(output);
        if (library.find()) {
            return library.group(1).trim();
        }
        Matcher exception = EXCEPTION_LINE.matcher(output);
        return exception.find() ? exception.group(1).trim() : null;
    }
}
