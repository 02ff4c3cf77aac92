package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code speed}'s command line, {@code speed bare-fit} in this JVM, and one quick end-to-end comparison
 * with child processes (MLP on 256 examples; about 15 s, most of it JVM and ND4J start-up).
 */
class SpeedCommandTest {

    static CommandRun execute(String... args) {
        return CommandRun.of((Object[]) args);
    }

    @Test
    void helpListsTheOptions() {
        CommandRun result = execute("speed", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: examples/run speed").contains("--model=mlp|lenet")
                .contains("--epochs=<epochs>").contains("--batch=<batch>").contains("--out=DIR")
                .contains("--skip-plain").contains("--skip-djl").contains("--skip-torch").contains("--rounds=N")
                .doesNotContain("bare-fit");
        assertThat(execute("--help").out()).contains("speed");
    }

    @Test
    void badOptionsGiveUsage() {
        CommandRun epochs = execute("speed", "--epochs", "0");
        assertThat(epochs.exitCode()).isEqualTo(2);
        assertThat(epochs.err()).contains("--epochs must be >= 1, got 0").contains("Usage: examples/run speed");

        CommandRun model = execute("speed", "--model", "resnet");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).contains("'resnet' is not one of mlp, lenet");

        CommandRun rounds = execute("speed", "--rounds", "0");
        assertThat(rounds.exitCode()).isEqualTo(2);
        assertThat(rounds.err()).contains("--rounds must be >= 1, got 0");

        CommandRun unknown = execute("speed", "--fast");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--fast'");
    }

    @Test
    void outMustBeAFolder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{}");
        CommandRun result = execute("speed", "--out", file.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--out must be a folder, got the file " + file);
    }

    @Test
    void bareFitTrainsAndWritesResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("bare.json");
        CommandRun result = execute("speed", "bare-fit", "--model", "lenet", "--epochs", "2", "--train-limit", "256",
                "--test-limit", "200", "--batch", "32", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("bare fit: model lenet, adam step(lr=0.001, factor=0.5, every=1, unit=epoch, first=0), batch 32, "
                        + "seed 42, 256 train, 200 test")
                .contains("oneDNN helpers on 2 layers").contains("epoch 2/2  last batch loss ");
        VariantResult read = VariantResult.read("bare-fit", out);
        assertThat(read.epochs()).hasSize(2);
        assertThat(read.accuracy(2)).isGreaterThan(0.5);
        // halved after epoch 1: 0.001 * 0.5 in epoch 2
        assertThat(read.epochs().get(0).rate()).isEqualTo(0.001);
        assertThat(read.epochs().get(1).rate()).isEqualTo(0.0005);
        assertThat(read.provenance()).containsEntry("variant", "bare-fit").containsEntry("onednn_helpers", "2")
                .containsEntry("native_build", "-onednn-avx2").containsEntry("train_examples", "256");
    }

    /**
     * speed breakdown: the three phases cover the measured epoch (their sum is at most the epoch's time
     * and, on a tiny epoch, at least half of it), and every layer gets a forward and a backward time.
     */
    @Test
    void breakdownSplitsTheEpochIntoPhasesAndLayers() {
        CommandRun result = execute("speed", "breakdown", "--model", "lenet", "--epochs", "1", "--train-limit", "256",
                "--batch", "32");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(out).contains("oneDNN helpers on 2 layers").contains("per phase, epoch 1 (8 iterations, ")
                .contains("per layer, one pass over the 8 training batches");
        Matcher epoch = Pattern.compile("epoch 1/1  ([0-9.]+) s").matcher(out);
        assertThat(epoch.find()).isTrue();
        double seconds = Double.parseDouble(epoch.group(1));
        double phases = 0;
        for (String phase : new String[] {"data + forward", "output layer forward + loss, backward", "updater (Adam, schedule)"}) {
            Matcher m = Pattern.compile(Pattern.quote(phase) + ".*? ([0-9.]+) s ").matcher(out);
            assertThat(m.find()).as(phase).isTrue();
            phases += Double.parseDouble(m.group(1));
        }
        assertThat(phases).isLessThanOrEqualTo(seconds + 0.01).isGreaterThan(0.5 * seconds);
        for (String layer : new String[] {"0     ConvolutionLayer", "1     SubsamplingLayer", "2     ConvolutionLayer",
                "3     SubsamplingLayer", "4     DenseLayer", "5     OutputLayer"}) {
            assertThat(out).contains("  " + layer);
        }
    }

    @Test
    void bareFitRejectsBadOptions() {
        CommandRun result = execute("speed", "bare-fit", "--out", "x.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--out must end in .json, got x.csv");
    }

    @Test
    void cpuSecondsComeFromProcAndAreSplitPerEpoch() {
        assertThat(SpeedCommand.differences(List.of(3.0, 4.5, 5.25))).containsExactly(3.0, 1.5, 0.75);
        assertThat(SpeedCommand.differences(List.of())).isEmpty();
        // this JVM has used CPU time, and not more than its wall time on all cores since it started
        double own = SpeedCommand.cpuSeconds(ProcessHandle.current().pid());
        double upSeconds = (System.currentTimeMillis() - ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli()) / 1e3;
        assertThat(own).isPositive().isLessThanOrEqualTo(upSeconds * Runtime.getRuntime().availableProcessors() + 0.1);
        assertThat(SpeedCommand.cpuSeconds(Long.MAX_VALUE)).isNaN();
    }

    @Test
    void thePeerScriptIsFound() {
        assertThat(SpeedCommand.findAbove(SpeedCommand.PEER_SCRIPT)).hasValueSatisfying(p -> assertThat(p).endsWith(Path.of("tools/peer/pytorch_mnist.py")));
        assertThat(SpeedCommand.javaBinary()).contains("java");
    }

    /** The whole comparison with tiny trainings: every variant runs in its own process and lands in the table. */
    @Test
    void comparesTheVariantsInChildProcesses(@TempDir Path dir) throws Exception {
        Path noPeer = dir.resolve("no-djl-build/runtime-classpath.txt");
        CommandRun result = execute("speed", "--model", "mlp", "--epochs", "2", "--train-limit", "256", "--test-limit", "200",
                "--djl-peer", noPeer.toString(), "--out", dir.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        boolean torch = Files.exists(dir.resolve("pytorch.json"));
        for (String variant : torch ? new String[] {"plain", "fast", "bare-fit", "pytorch"}
                : new String[] {"plain", "fast", "bare-fit"}) {
            assertThat(dir.resolve(variant + ".json")).exists();
            assertThat(dir.resolve(variant + ".log")).exists();
            VariantResult read = VariantResult.read(variant, dir.resolve(variant + ".json"));
            assertThat(read.epochs()).as(variant).hasSize(2);
            assertThat(read.accuracy(2)).as(variant).isGreaterThan(0.4);
        }
        assertThat(VariantResult.read("plain", dir.resolve("plain.json")).provenance())
                .containsEntry("native_build", "stock").containsEntry("omp_num_threads", "unset");
        assertThat(VariantResult.read("fast", dir.resolve("fast.json")).provenance())
                .containsEntry("native_build", "-onednn-avx2").containsEntry("omp_num_threads", "1");
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertThat(summary).contains("speed: model mlp, adam step(lr=0.001, factor=0.5, every=1, unit=epoch), batch 64, 2 epochs, seed 42")
                .contains("seconds per epoch").contains("fast / plain").contains("fast / bare-fit")
                .contains("CPU seconds per epoch").contains("ratios of the mean CPU seconds per epoch:")
                .contains("load average after:");
        assertThat(summary.contains("fast / pytorch")).isEqualTo(torch);
        // the DJL peer is not built there: left out with the command that builds it, on the console and in the summary
        String missing = "note: djl: left out, the DJL/libtorch peer is not built (no file " + noPeer
                + "); build it once with 'mvn -B -Pdjl install -DskipTests'";
        assertThat(summary).contains(missing).doesNotContain("fast / djl");
        assertThat(result.out()).contains(missing);
        assertThat(dir.resolve("djl.json")).doesNotExist();
        assertThat(result.out()).contains("[plain] train --no-fast").contains("[fast] train").contains("[bare-fit]")
                .contains("  epoch 2/2").contains("raw results in " + dir);
        assertThat(result.out().toLowerCase(Locale.ROOT)).doesNotContain("failed");
    }
}
