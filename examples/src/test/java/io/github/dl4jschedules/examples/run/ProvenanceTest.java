package io.github.dl4jschedules.examples.run;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.core.type.TypeReference;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Provenance#of}, the one way every command builds the provenance of its result files: the
 * environment first, then the command, then the command's keys in the order added, each key once.
 */
class ProvenanceTest {

    /** The environment's keys, in the order every result file lists them. */
    private static final List<String> ENVIRONMENT = List.of("dl4j_schedules_version", "dl4j_version", "nd4j_backend",
            "native_build", "device", "cpu_cores", "omp_num_threads", "java", "os", "git_commit", "time");

    private static Map<String, Object> built;

    @BeforeAll
    static void build() {
        built = Provenance.of("tune").with("trials", 9).with("fast_path", true).with("best", "constant(lr=0.1)")
                .withAll(Map.of("train_limit", "all")).build();
    }

    @Test
    void theEnvironmentComesFirstThenTheCommandThenTheKeysInTheOrderAdded() {
        List<String> expected = new ArrayList<>(ENVIRONMENT);
        expected.addAll(List.of("command", "trials", "fast_path", "best", "train_limit"));

        assertThat(built.keySet()).containsExactlyElementsOf(expected);
        assertThat(built).containsEntry("command", "tune").containsEntry("trials", 9).containsEntry("fast_path", true)
                .containsEntry("cpu_cores", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .containsEntry("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    }

    @Test
    void theTextFormHasTheSameKeysAndEachValueAsText() {
        Map<String, String> text = Provenance.of("train").with("epochs", 5).with("seed", 42L).with("fast_path", false)
                .buildText();

        assertThat(text).containsEntry("command", "train").containsEntry("epochs", "5").containsEntry("seed", "42")
                .containsEntry("fast_path", "false");
        assertThat(text.keySet()).startsWith(ENVIRONMENT.toArray(String[]::new));
    }

    @Test
    void aKeyGivenTwiceIsRejectedWithBothValues() {
        Provenance.Builder builder = Provenance.of("parallel").with("workers", 2);

        assertThatThrownBy(() -> builder.with("workers", 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provenance key 'workers' is given twice (2, then 4)");
        assertThatThrownBy(() -> builder.with("command", "spark")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provenance key 'command' is given twice (parallel, then spark)");
        assertThatThrownBy(() -> builder.with("time", "now")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("provenance key 'time' is given twice (");
    }

    @Test
    void theJsonFileHoldsTheValuesWithTheirTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("provenance.json");
        Provenance.of("benchmark").with("jobs", 2).with("target", 0.94).with("peers", List.of("a.csv")).writeJson(file);

        Map<String, Object> read = new ObjectMapper().readValue(file.toFile(),
                new TypeReference<Map<String, Object>>() { });
        assertThat(read).containsEntry("command", "benchmark").containsEntry("jobs", 2).containsEntry("target", 0.94)
                .containsEntry("peers", List.of("a.csv"));
        assertThat(read.keySet()).hasSize(ENVIRONMENT.size() + 4);
    }

    @Test
    void theBuiltMapCannotBeChanged() {
        assertThatThrownBy(() -> built.put("more", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
