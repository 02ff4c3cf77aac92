package io.github.dl4jschedules.peers.djl;

import io.github.dl4jschedules.examples.speed.VariantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DJL peer in this JVM: one tiny epoch of each network (256 training images) reports a time and an
 * accuracy well above chance (0.1) in the results file {@code speed} reads; bad options give usage.
 * About 10 s, most of it unpacking and loading libtorch the first time.
 */
class DjlPeerTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new DjlPeer()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exitCode = line.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void oneTinyEpochOfEachNetworkReportsATimeAndAnAccuracy(@TempDir Path dir) {
        for (String model : new String[] {"mlp", "lenet"}) {
            Path file = dir.resolve(model + ".json");
            Run run = run("--model", model, "--epochs", "1", "--batch", "16", "--train-limit", "256", "--test-limit", "200",
                    "--schedule", "step(lr=0.001, factor=0.5, every=1, unit=epoch)", "--out", file.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("djl 0.36.0, PyTorch 2.7.1 (").contains("MKL")
                    .contains("djl peer: model " + model + ", adam step(lr=0.001, factor=0.5, every=1, unit=epoch, first=0), batch 16, "
                            + "seed 42, 256 train, 200 test")
                    .contains("epoch 1/1  train loss ");
            VariantResult result = VariantResult.read("djl", file);
            assertThat(result.epochs()).hasSize(1);
            assertThat(result.seconds(1)).as(model).isPositive().isLessThan(120);
            assertThat(result.accuracy(1)).as(model).isGreaterThan(0.3).isLessThanOrEqualTo(1);
            assertThat(result.epochs().get(0).rate()).isEqualTo(0.001);
            assertThat(result.provenance()).containsEntry("variant", "djl").containsEntry("libtorch_version", "2.7.1")
                    .containsEntry("torch_threads", "1").containsEntry("model", model).containsEntry("train_examples", "256");
        }
    }

    @Test
    void badOptionsGiveUsage() {
        Run model = run("--model", "resnet");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("--model: 'resnet' is not one of mlp, lenet").contains("Usage: djl-peer");

        Run epochs = run("--epochs", "0");
        assertThat(epochs.exitCode()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs must be >= 1, got 0");

        Run out = run("--out", "x.csv");
        assertThat(out.exitCode()).isEqualTo(2);
        assertThat(out.err()).contains("--out must end in .json, got x.csv");

        Run schedule = run("--schedule", "stepp(lr=1)");
        assertThat(schedule.exitCode()).isEqualTo(2);
        assertThat(schedule.err()).contains("stepp");
    }
}
