package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the control file treats a person's editing: lines still being typed, files replaced. */
class ControlFileEditsTest {

    private static RateController controller() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        return RateController.attach(network);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aLineCountsOnceItsNewlineIsWritten(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);

        control.poll(controller);
        assertThat(controller.history()).as("no file yet").isEmpty();
        append(file, "factor 0.");
        control.poll(controller);
        assertThat(controller.history()).as("half a line").isEmpty();
        append(file, "5\n");
        control.poll(controller);
        assertThat(controller.history()).singleElement()
                .satisfies(change -> assertThat(change.command()).isEqualTo(new RateCommand.Multiply(0.5)))
                .satisfies(change -> assertThat(change.source()).endsWith("rate.ctl line 1"));
        control.poll(controller);
        assertThat(controller.history()).as("read once").hasSize(1);
    }

    @Test
    void aReplacedShorterFileIsReadFromItsStart(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);
        append(file, "# lower it twice\nfactor 0.5\nfactor 0.5\n");
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.025);

        Files.writeString(file, "fixed 0.3\n", StandardCharsets.UTF_8);
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.3);
        assertThat(controller.history()).hasSize(3);
    }

    @Test
    void stateIsSavedOncePerModelFile(@TempDir Path directory) throws IOException {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        RateController controller = RateController.attach(network);
        File file = directory.resolve("model.zip").toFile();
        ModelSerializer.writeModel(network, file, true);
        TrainingStateStore.save(file, controller, null);

        assertThatThrownBy(() -> TrainingStateStore.save(file, controller, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file + " already holds a saved rate-controller state; save right after ModelSerializer.writeModel");
        assertThat(TrainingStateStore.controller(file)).contains(controller.state());
    }
}
