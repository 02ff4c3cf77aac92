import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One LeNet (or MLP) training of {@code speed}'s fast path (bundled 8,000 digits, batch 64, Adam with
 * {@code step(lr=0.001, factor=0.5, every=1, unit=epoch)}, seed 42, one native thread) with one lever
 * changed, for docs/speed.md, "What was tried". Run by tools/speed/levers.sh, which alternates the
 * levers in rounds; prints per epoch the wall and CPU seconds of {@code fit} and the test accuracy.
 * <ul>
 *   <li>{@code fast}: the fast path as {@code train} runs it;</li>
 *   <li>{@code input-gradient}: the fast path before FirstLayerConvolutionHelper, the first convolution
 *   with DL4J's MKLDNNConvHelper, which computes the images' gradient too;</li>
 *   <li>{@code no-conv-helpers}: no oneDNN helper on the convolutions (DL4J's im2col and GEMM);</li>
 *   <li>{@code pool-helpers}: DL4J's MKLDNNSubsamplingHelper on the pooling layers, as the fast path had
 *   them before;</li>
 *   <li>{@code nhwc}: the convolutions and pooling layers in NHWC layout (channels last);</li>
 *   <li>{@code no-workspaces}: DL4J's workspaces off for training and inference.</li>
 * </ul>
 * JVM options (garbage collector, JavaCPP's memory checks) are levers of the script, not of this class;
 * the script runs every lever with {@code examples/run}'s {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}
 * unless it sets that property.
 * With {@code -Dlevers.profile=true} the last epoch runs under ND4J's op profiler
 * ({@code ProfilingMode.OPERATIONS}), which logs its dashboard at the end: time per op class, and count,
 * mean and median of every op call over 100 microseconds, by op name.
 */
public final class Levers {

    public static void main(String[] args) throws Exception {
        String lever = args.length > 0 ? args[0] : "fast";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ModelKind model = args.length > 2 ? ModelKind.valueOf(args[2].toUpperCase(Locale.ROOT)) : ModelKind.LENET;
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, 64, 42, Integer.MAX_VALUE, Integer.MAX_VALUE);
        MultiLayerConfiguration configuration = model.configuration(
                UpdaterKind.ADAM.withRate(Schedules.parse("step(lr=0.001, factor=0.5, every=1, unit=epoch)")), 42,
                data.height(), data.width(), MnistData.NUM_CLASSES);
        switch (lever) {
            case "no-workspaces" -> {
                configuration.setTrainingWorkspaceMode(WorkspaceMode.NONE);
                configuration.setInferenceWorkspaceMode(WorkspaceMode.NONE);
            }
            case "nhwc" -> {
                if (model != ModelKind.LENET) {
                    throw new IllegalArgumentException("nhwc: a lever of LeNet only");
                }
                channelsLast(configuration, data);
            }
            case "fast", "input-gradient", "no-conv-helpers", "pool-helpers" -> { }
            default -> throw new IllegalArgumentException("unknown lever '" + lever
                    + "'; known: fast, input-gradient, no-conv-helpers, no-pool-helpers, nhwc, no-workspaces");
        }
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        FastPath.singleThreaded();
        FastPath.attachHelpers(network);
        for (Layer layer : network.getLayers()) {
            boolean conv = layer instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
            boolean pool = layer instanceof org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
            if (lever.equals("no-conv-helpers") && conv) {
                FastPath.setHelper(layer, null);
            } else if (lever.equals("pool-helpers") && pool) {
                FastPath.setHelper(layer, new MKLDNNSubsamplingHelper(configuration.getDataType()));
            } else if (lever.equals("input-gradient") && layer == network.getLayer(0)) {
                FastPath.setHelper(layer, new MKLDNNConvHelper(layer.getParam("W").dataType()));
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double wallSum = 0;
        double cpuSum = 0;
        StringBuilder accuracies = new StringBuilder();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (epoch == epochs && Boolean.getBoolean("levers.profile")) {
                Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
            }
            data.train().reset();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            network.fit(data.train());
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            data.test().reset();
            double accuracy = network.evaluate(data.test()).accuracy();
            accuracies.append(String.format(Locale.ROOT, "%s%.4f", epoch == 1 ? "" : " ", accuracy));
            System.out.printf(Locale.ROOT, "epoch %d  wall %.3f s  cpu %.3f s  accuracy %.4f%n", epoch, wall, cpuSeconds, accuracy);
            if (epoch > 1) {
                wallSum += wall;
                cpuSum += cpuSeconds;
            }
        }
        System.out.printf(Locale.ROOT, "result %s wall %.3f cpu %.3f accuracies %s%n", lever, wallSum / (epochs - 1),
                cpuSum / (epochs - 1), accuracies);
        if (Boolean.getBoolean("levers.profile")) {
            OpProfiler.getInstance().printOutDashboard();
        }
    }

    /** NHWC convolutions and pooling; the one-channel images are fed as {@code [n, 28, 28, 1]} (the same memory). */
    private static void channelsLast(MultiLayerConfiguration configuration, TrainingData data) {
        for (int i = 0; i < configuration.getConfs().size(); i++) {
            Object layer = configuration.getConf(i).getLayer();
            if (layer instanceof ConvolutionLayer conv) {
                conv.setCnn2dDataFormat(CNN2DFormat.NHWC);
            } else if (layer instanceof SubsamplingLayer pool) {
                pool.setCnn2dDataFormat(CNN2DFormat.NHWC);
            }
        }
        configuration.getInputPreProcessors().remove(0);
        CnnToFeedForwardPreProcessor flatten = (CnnToFeedForwardPreProcessor) configuration.getInputPreProcess(4);
        configuration.getInputPreProcessors().put(4, new CnnToFeedForwardPreProcessor(flatten.getInputHeight(),
                flatten.getInputWidth(), flatten.getNumChannels(), CNN2DFormat.NHWC));
        data.train().setPreProcessor(batch -> batch.setFeatures(channelsLast(batch.getFeatures(), data)));
        data.test().setPreProcessor(batch -> batch.setFeatures(channelsLast(batch.getFeatures(), data)));
    }

    private static INDArray channelsLast(INDArray flat, TrainingData data) {
        return flat.reshape('c', flat.size(0), data.height(), data.width(), 1);
    }
}
