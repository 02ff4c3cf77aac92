package io.github.dl4jschedules.examples.run;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.util.Locale;

/**
 * The CPU fast path: the fixes that bring DL4J M2.1's LeNet epoch from about 19 s to about 4 s on
 * a 2-core machine (README, "Speed").
 * <ol>
 *   <li><b>oneDNN helpers.</b> DL4J M2.1 decides whether to use its oneDNN ("MKL-DNN") helpers for
 *   convolution by looking up {@code org.nd4j.nativeblas.Nd4jCpu$Environment.isUseMKLDNN()}
 *   by reflection; M2.1's class is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}
 *   with {@code isUseONEDNN()}, so the lookup fails and no layer gets a helper. {@link #attachHelpers}
 *   attaches {@link MKLDNNConvHelper} to the convolution layers after {@code init()}. It calls libnd4j's
 *   {@code conv2d} ops, which the {@code -onednn-avx2} native build runs with oneDNN.</li>
 *   <li><b>No input gradient.</b> The network's first convolution gets a {@link FirstLayerConvolutionHelper}
 *   instead, which computes its weights' gradient with oneDNN's forward kernels and skips the gradient
 *   with respect to the images, the slowest part of its backward pass.</li>
 *   <li><b>One native thread.</b> On few cores, ND4J's and OpenMP's thread pools spin against each
 *   other; one thread per op is faster for these small models ({@link #singleThreaded()}, plus
 *   {@code OMP_NUM_THREADS=1} in the environment, which {@code examples/run} sets).</li>
 *   <li><b>No resident-memory check.</b> {@code examples/run} starts the JVM with
 *   {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}: JavaCPP then skips the read of
 *   {@code /proc/self/statm} it makes at every native allocation to compare the process's resident
 *   memory with its limit (by default 4x the maximum heap, more than this machine's memory); 6% less
 *   time per LeNet epoch, 19% per MLP epoch, the same results (docs/speed.md).</li>
 * </ol>
 * The native build is chosen with the JavaCPP system property
 * {@value #PLATFORM_EXTENSION_PROPERTY}, which must be set before ND4J loads: {@link #selectNativeBuild}.
 */
public final class FastPath {

    /** JavaCPP's switch between native builds of one artifact, e.g. {@code -onednn-avx2}. */
    public static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    /** The oneDNN build the examples ship next to the stock one. */
    public static final String ONEDNN_EXTENSION = "-onednn-avx2";

    private FastPath() {
    }

    /** ND4J's CPU backend, present in the default build (nd4j-native), absent in a {@code -Dcuda} build. */
    static final String CPU_BACKEND_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    /**
     * Picks the oneDNN native build, unless the user already chose one or the CPU backend is not on the
     * class path (a {@code -Dcuda} build: the extension would send JavaCPP looking for a oneDNN build of
     * the CUDA libraries). Call before any ND4J class loads; later calls have no effect on an already
     * loaded backend.
     */
    public static void selectNativeBuild() {
        if (System.getProperty(PLATFORM_EXTENSION_PROPERTY) == null && onX86WithAvx2() && cpuBackendPresent()) {
            System.setProperty(PLATFORM_EXTENSION_PROPERTY, ONEDNN_EXTENSION);
        }
    }

    /** Whether the loaded native build is a oneDNN one. */
    public static boolean oneDnnLoaded() {
        return System.getProperty(PLATFORM_EXTENSION_PROPERTY, "").contains("onednn")
                && "CPU".equalsIgnoreCase(backend());
    }

    /** One thread per native op and for BLAS. */
    public static void singleThreaded() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
    }

    /**
     * Attaches oneDNN helpers to every convolution layer that has none; on another backend than the CPU
     * (CUDA, which has its own cuDNN helpers) none. Pooling layers get none: DL4J's own pooling calls
     * libnd4j's {@code maxpool2d}/{@code maxpool2d_bp} ops, which the oneDNN build runs with oneDNN anyway,
     * and {@link org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper} calls the same ops with more
     * work around them (the same results, about 5% slower per LeNet epoch: docs/speed.md, "What was
     * tried"). Convolutions do need it: without it DL4J computes them with im2col and GEMM, 3.7x slower
     * there. A plain convolution that is the network's
     * first layer gets a {@link FirstLayerConvolutionHelper}, which leaves out the gradient with respect to
     * the network's input: for networks trained with {@code fit}, which discards that gradient, not for
     * one asked for it ({@code backpropGradient}, {@code calculateGradients}).
     *
     * @param network an initialised network
     * @return the number of layers that got a helper
     */
    public static int attachHelpers(MultiLayerNetwork network) {
        int attached = 0;
        if (!"CPU".equalsIgnoreCase(backend())) {
            return attached;
        }
        Layer[] layers = network.getLayers();
        for (Layer layer : layers) {
            if (layer instanceof ConvolutionLayer && helperOf(layer) == null) {
                DataType dataType = layer.getParam("W").dataType();
                setHelper(layer, layer == layers[0] && layer.getClass() == ConvolutionLayer.class
                        ? new FirstLayerConvolutionHelper(dataType) : new MKLDNNConvHelper(dataType));
                attached++;
            }
        }
        return attached;
    }


    /** The helper a convolution or pooling layer uses, or {@code null}. */
    public static Object helperOf(Layer layer) {
        try {
            return helperField(layer).get(layer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the helper of " + layer.getClass().getName(), e);
        }
    }

    /** How often a layer's helper failed and DL4J fell back to its Java implementation. */
    public static int helperFailures(Layer layer) {
        try {
            Field field = findField(layer.getClass(), "helperCountFail");
            return field.getInt(layer);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read helperCountFail of " + layer.getClass().getName(), e);
        }
    }

    /** ND4J's backend name, e.g. {@code CPU} or {@code CUDA}. */
    public static String backend() {
        return Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "unknown");
    }

    /**
     * Sets the helper of a convolution or pooling layer, or with {@code null} removes it (tools/speed/Levers
     * compares the fast path with other helper choices).
     *
     * @param layer  a convolution or pooling layer
     * @param helper its new helper, of the layer's helper type, or {@code null}
     */
    public static void setHelper(Layer layer, Object helper) {
        try {
            helperField(layer).set(layer, helper);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot attach a helper to " + layer.getClass().getName(), e);
        }
    }

    private static Field helperField(Layer layer) {
        return findField(layer.getClass(), "helper");
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field '" + name + "' (DL4J version changed?)");
    }

    private static boolean cpuBackendPresent() {
        try {
            Class.forName(CPU_BACKEND_CLASS, false, FastPath.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean onX86WithAvx2() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return false;
        }
        return CpuInfo.hasFlag("avx2");
    }
}
