package io.github.dl4jschedules.examples.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results files: the one name rule, and a replacement that leaves no temporary file behind. */
class ResultsWriterTest {

    private static final List<EpochResult> EPOCHS = List.of(new EpochResult(1, 0.5, 0.9, 0.001, 2.0));

    @Test
    void theNameRuleAcceptsCsvAndJsonInAnyCase() {
        assertThat(ResultsWriter.nameProblem(Path.of("run.csv"))).isEmpty();
        assertThat(ResultsWriter.nameProblem(Path.of("out/RUN.JSON"))).isEmpty();
        assertThat(ResultsWriter.nameProblem(Path.of("run.txt")))
                .contains("--out must end in .csv or .json, got run.txt");
        assertThatThrownBy(() -> ResultsWriter.write(Path.of("run.csv.bak"), Map.of(), EPOCHS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--out must end in .csv or .json, got run.csv.bak");
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.csv");
        Files.writeString(file, "an older, longer result file\n".repeat(10), StandardCharsets.UTF_8);

        ResultsWriter.write(file, Map.of("model", "mlp"), EPOCHS);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "# model: mlp", "epoch,train_loss,test_accuracy,rate,seconds", "1,0.5,0.9,0.001,2.0");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.csv");
        }
    }
}
