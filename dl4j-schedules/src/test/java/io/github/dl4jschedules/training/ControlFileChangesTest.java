package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control file notices every change of content and applies each command once (issue 10,
 * point 4): replaced files, rewritten files, truncations, undecodable bytes, very long lines.
 */
class ControlFileChangesTest {

    private final List<String> warnings = new ArrayList<>();

    private RateController controller() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        RateController controller = RateController.attach(network);
        controller.onWarning(warnings::add);
        return controller;
    }

    private static String lines(String line, int count) {
        return (line + "\n").repeat(count);
    }

    @Test
    void aFileMovedOverTheOldOneAppliesAllItsLines(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);
        Files.writeString(file, lines("factor 0.999", 100));
        control.poll(controller);
        assertThat(controller.history()).hasSize(100);

        Path next = directory.resolve("next.ctl");
        Files.writeString(next, lines("factor 0.999", 100));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        control.poll(controller);
        assertThat(controller.history()).as("100 new commands in a new file").hasSize(200);
        control.poll(controller);
        assertThat(controller.history()).as("each once").hasSize(200);
    }

    @Test
    void aFileRewrittenInPlaceAppliesItsNewLines(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);
        Files.writeString(file, "fixed 0.2\n");
        control.poll(controller);
        Files.writeString(file, "fixed 0.3\n");                 // echo "fixed 0.3" > rate.ctl: as many lines
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.3);

        Files.delete(file);
        control.poll(controller);
        Files.writeString(file, "fixed 0.4\n");                 // deleted and recreated, as many lines
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.4);
        assertThat(controller.history()).hasSize(3);
    }

    @Test
    void aFileThatGetsShorterAppliesNothingAgain(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);
        Files.writeString(file, lines("factor 0.5", 3));
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.0125);

        Files.writeString(file, lines("factor 0.5", 1));        // truncated in place
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.0125);
        Files.writeString(file, lines("factor 0.5", 2));        // and a line appended again
        control.poll(controller);
        assertThat(controller.currentRate()).isEqualTo(0.00625);
        assertThat(controller.history()).hasSize(4);
    }

    @Test
    void anUndecodableLineIsSkippedWithAWarningNamingItAndLaterLinesApply(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("factor 0.5\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{'s', 'e', 't', ' ', (byte) 0xff, '\n'});
        bytes.writeBytes("factor 0.5\r\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        control.poll(controller);

        assertThat(controller.history()).hasSize(2);
        assertThat(controller.currentRate()).isEqualTo(0.025);
        assertThat(warnings).containsExactly("control file " + file + " line 2: not valid UTF-8; skipped, nothing changed");
    }

    @Test
    void aVeryLongLineIsQuotedShortly(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("rate.ctl");
        RateController controller = controller();
        ControlFile control = new ControlFile(file);
        Files.writeString(file, "x".repeat(200_000) + "\nfactor " + "5z".repeat(50_000) + "\n");
        control.poll(controller);

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).isEqualTo("control file " + file + " line 1: unknown command '" + "x".repeat(60)
                + "...' (200000 characters); expected factor F | set R | fixed R | schedule | cooldown N; nothing changed");
        assertThat(warnings.get(1)).hasSizeLessThan(300).contains("(100000 characters)");
        assertThat(controller.history()).isEmpty();
    }

    @Test
    void minusZeroIsReadAsZero() {
        assertThat(RateCommand.parse("fixed -0")).isEqualTo(new RateCommand.Fix(0)).hasToString("fixed 0.0");
        assertThat(RateCommand.parse("set -0.0")).isEqualTo(new RateCommand.Set(0)).hasToString("set 0.0");
    }
}
