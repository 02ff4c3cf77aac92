package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.transfer.LayerDecay;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --layer-decay DECAY} of {@code train}: layer-wise learning-rate decay on top of
 * {@code --schedule}, each trainable layer {@code scaled(factor=DECAY^depth, of=<schedule>)}, the
 * output layer at depth 0 ({@link LayerDecay}). Applied to the new network before its first step; a
 * resumed run keeps the per-layer schedules saved in its model.
 */
public final class LayerDecayOption {

    @Option(names = "--layer-decay", paramLabel = "DECAY", converter = Converter.class,
            description = {"Layer-wise learning-rate decay: layer l trains with DECAY^depth(l) x --schedule,",
                    "depth counted from the output layer (0), e.g. 0.75 (timm's layer_decay); in (0, 1]."})
    LayerDecay decay;

    /** Reads {@code DECAY}: a number in {@code (0, 1]}. */
    static final class Converter implements CommandLine.ITypeConverter<LayerDecay> {
        @Override
        public LayerDecay convert(String value) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expected a number in (0, 1], got '" + value + "'");
            }
            try {
                return LayerDecay.of(number);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** @return whether the option was given */
    boolean given() {
        return decay != null;
    }

    /** {@code layer_decay} for the run's provenance when the option is given; nothing without it. */
    Map<String, String> provenance() {
        return decay == null ? Map.of() : Map.of("layer_decay", Double.toString(decay.decay()));
    }

    /**
     * The step of the run that applies the decay to the new network and prints each layer's schedule;
     * nothing without the option. Goes before the rate controller, which then controls the per-layer
     * schedules.
     */
    TrainingRun.Observer applier(CounterSchedule base, PrintWriter console) {
        return new TrainingRun.Observer() {
            @Override
            public void started(MultiLayerNetwork network, int attachedHelpers) {
                if (decay == null) {
                    return;
                }
                Map<String, Integer> depths = LayerDecay.depths(network);
                decay.apply(network, base).forEach((layer, schedule) -> console.printf(Locale.ROOT,
                        "%s: layer %s (depth %d) %s%n", decay, layer, depths.get(layer), schedule));
            }
        };
    }
}
