package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.data.MnistSource;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.training.TrainingStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training program's run-time channels, end to end on a small MLP run: control file, JMX,
 * plateau, recorder, saving and resuming, and DL4J's training UI answering while the run trains.
 */
class RunControlsTest {

    private static final int BATCH = 32;

    private static TrainingData data() {
        MnistSource source = MnistSource.bundled();
        MnistData train = source.load(MnistSource.Split.TRAIN, 256);
        MnistData test = source.load(MnistSource.Split.TEST, 128);
        return new TrainingData(train.iterator(BATCH, 7), test.iterator(BATCH), 28, 28, train.size(), test.size(), "test");
    }

    private static TrainingRun.Settings settings(int epochs, Path resume) {
        return new TrainingRun.Settings(ModelKind.MLP, UpdaterKind.ADAM,
                Schedules.parse("exponential(lr=0.002, rate=0.5, unit=epoch)"), epochs, 42, true, resume);
    }

    private static RunControls.Options options(Path control, String jmx, Path record, Integer ui, Path save, Path resume) {
        return new RunControls.Options(control, false, null, jmx, null, false, record, ui, save, resume, null);
    }

    @Test
    void controlFileCommandsApplyAndAreReported(@TempDir Path directory) throws IOException {
        Path control = directory.resolve("rate.ctl");
        Files.writeString(control, "fixed 0.0005\nnot a command\n", StandardCharsets.UTF_8);
        Path record = directory.resolve("rates.csv");
        StringWriter printed = new StringWriter();
        List<EpochResult> results;
        try (RunControls controls = new RunControls(options(control, null, record, null, null, null), data().test(),
                new PrintWriter(printed, true))) {
            results = new TrainingRun(settings(2, null)).run(data(), controls);
        }

        assertThat(results).extracting(EpochResult::rate).containsExactly(0.0005, 0.0005);
        assertThat(printed.toString())
                .contains("rate change: iteration 0, epoch 0: fixed 5.0E-4 (control file " + control + " line 1)")
                .contains("warning: control file " + control + " line 2: unknown command 'not a command'");
        List<String> rows = Files.readAllLines(record);
        assertThat(rows.get(0)).isEqualTo("iteration,epoch,loss,rate");
        assertThat(rows).hasSize(1 + 2 * 256 / BATCH);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).endsWith(",5.0E-4"));
    }

    @Test
    void jmxBeanLivesWhileTheRunTrains() throws Exception {
        ObjectName name = new ObjectName("io.github.dl4jschedules:type=RateController,name=\"run-controls-test\"");
        AtomicReference<Object> seen = new AtomicReference<>();
        TrainingRun.Observer probe = new TrainingRun.Observer() {
            @Override
            public void epochDone(EpochResult result) {
                try {
                    seen.set(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "LearningRate"));
                } catch (Exception e) {
                    seen.set(e);
                }
            }
        };
        try (RunControls controls = new RunControls(options(null, "run-controls-test", null, null, null, null),
                data().test(), new PrintWriter(new StringWriter(), true))) {
            new TrainingRun(settings(1, null)).run(data(), TrainingRun.Observer.all(controls, probe));
        }
        assertThat(seen.get()).as("LearningRate read over JMX after epoch 1").isEqualTo(0.001);
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name)).as("unregistered at the end").isFalse();
    }

    @Test
    void trainingUiAnswersOnLocalhostWhileTheRunTrains() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI overview = URI.create("http://localhost:" + port + "/train/overview");
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        TrainingRun.Observer browser = new TrainingRun.Observer() {
            @Override
            public void epochDone(EpochResult result) {
                try {
                    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(overview)
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                    statuses.add(response.statusCode());
                    bodies.add(response.body());
                } catch (IOException | InterruptedException e) {
                    statuses.add(-1);
                    bodies.add(e.toString());
                }
            }
        };
        StringWriter printed = new StringWriter();
        try (RunControls controls = new RunControls(options(null, null, null, port, null, null), data().test(),
                new PrintWriter(printed, true))) {
            new TrainingRun(settings(2, null)).run(data(), TrainingRun.Observer.all(controls, browser));
        }
        assertThat(printed.toString()).contains("training UI: " + overview);
        assertThat(statuses).containsExactly(200, 200);
        assertThat(bodies.get(0)).containsIgnoringCase("<html");
    }

    @Test
    void resumingASavedRunContinuesItsAdjustedRate(@TempDir Path directory) throws IOException {
        Path control = directory.resolve("rate.ctl");
        Files.writeString(control, "factor 0.5\n", StandardCharsets.UTF_8);
        Path save = directory.resolve("model.zip");
        PrintWriter quiet = new PrintWriter(new StringWriter(), true);
        List<EpochResult> first;
        try (RunControls controls = new RunControls(options(control, null, null, null, save, null), data().test(), quiet)) {
            first = new TrainingRun(settings(1, null)).run(data(), controls);
        }
        assertThat(TrainingStateStore.controller(save.toFile())).isPresent();

        List<EpochResult> resumed;
        try (RunControls controls = new RunControls(options(null, null, null, null, null, save), data().test(), quiet)) {
            resumed = new TrainingRun(settings(3, save)).run(data(), controls);
        }
        assertThat(first).extracting(EpochResult::rate).containsExactly(0.001);
        assertThat(resumed).extracting(EpochResult::epoch).containsExactly(2, 3);
        assertThat(resumed).extracting(EpochResult::rate).containsExactly(0.0005, 0.00025);
    }
}
