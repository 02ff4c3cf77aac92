package io.github.dl4jschedules.interchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every reader case against the framework's own numbers: PyTorch's schedulers run by
 * {@code tools/golden/generate_interchange.py}, and the closed forms of Keras and Hugging Face
 * written independently in that script. The expected numbers are committed data.
 */
class InterchangeGoldenTest {

    private static final double RELATIVE = 1e-12;
    private static final double ABSOLUTE = 1e-15;

    record Row(int line, String framework, String json, int n, double expected) {
        @Override
        public String toString() {
            return framework + " " + json + " n=" + n;
        }
    }

    static Stream<Row> rows() {
        return readTable().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readerMatchesTheFramework(Row row) {
        ISchedule schedule = read(row.framework(), row.json());
        assertThat(schedule.valueAt(row.n(), 0)).as("line %d: %s", row.line(), row)
                .isCloseTo(row.expected(), within(RELATIVE * Math.abs(row.expected()) + ABSOLUTE));
    }

    @Test
    void everyClassTheReadersNameHasAGoldenTable() {
        Set<String> covered = new TreeSet<>();
        for (Row row : readTable()) {
            covered.add(row.framework() + ":" + className(row.json()));
        }
        assertThat(covered).contains("keras:ExponentialDecay", "keras:InverseTimeDecay",
                "keras:PiecewiseConstantDecay", "keras:PolynomialDecay", "keras:CosineDecay",
                "keras:CosineDecayRestarts", "keras:number",
                "pytorch:StepLR", "pytorch:MultiStepLR", "pytorch:ExponentialLR", "pytorch:CosineAnnealingLR",
                "pytorch:CosineAnnealingWarmRestarts", "pytorch:LinearLR", "pytorch:ConstantLR",
                "pytorch:PolynomialLR", "pytorch:CyclicLR", "pytorch:OneCycleLR", "pytorch:SequentialLR",
                "huggingface:constant", "huggingface:constant_with_warmup", "huggingface:linear",
                "huggingface:cosine", "huggingface:cosine_with_min_lr", "huggingface:cosine_with_restarts",
                "huggingface:polynomial", "huggingface:inverse_sqrt", "huggingface:warmup_stable_decay");
    }

    private static String className(String json) {
        for (String key : List.of("\"class_name\": \"", "\"scheduler\": \"", "\"lr_scheduler_type\": \"")) {
            int at = json.indexOf(key);
            if (at >= 0) {
                int from = at + key.length();
                return json.substring(from, json.indexOf('"', from));
            }
        }
        return "number";
    }

    static ISchedule read(String framework, String json) {
        return switch (framework) {
            case "keras" -> Interchange.fromKeras(json);
            case "pytorch" -> Interchange.fromPyTorch(json);
            case "huggingface" -> Interchange.fromHuggingFace(json);
            default -> throw new IllegalStateException("unknown framework in golden table: " + framework);
        };
    }

    private static List<Row> readTable() {
        return GoldenTsv.read("/golden/interchange.tsv").stream()
                .map(l -> new Row(l.number(), l.cells()[0], l.cells()[1], Integer.parseInt(l.cells()[2]),
                        Double.parseDouble(l.cells()[3])))
                .toList();
    }
}
