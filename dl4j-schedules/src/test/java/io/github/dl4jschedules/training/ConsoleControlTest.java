package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Commands typed on a console: good lines are queued for the next update, a bad line warns. */
class ConsoleControlTest {

    private static final int BATCH = 5;
    private final CounterSchedule base = Schedules.parse("exponential(lr=0.2, rate=0.9, unit=iteration)");

    private static InputStream typed(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodLinesAreSubmittedABadLineWarnsAndChangesNothing() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);
        RateController controller = RateController.attach(network);
        List<String> warnings = new ArrayList<>();
        controller.onWarning(warnings::add);
        List<DataSet> data = TinyNetworks.batches(3, BATCH);

        ConsoleControl.read(typed("factor 0.5\n\n   \nfaster!\nset 0.05\n"), controller);

        assertThat(warnings).singleElement().asString().startsWith("console: ").contains("'faster!'")
                .endsWith("; nothing changed");
        assertThat(controller.history()).as("queued until the next update").isEmpty();
        assertThat(controller.adjustment()).isEqualTo(RateAdjustment.NONE);

        network.fit(data.get(0));                                       // both apply, in order, to iteration 0
        assertThat(controller.history())
                .extracting(RateChange::iteration, RateChange::command, RateChange::source)
                .containsExactly(tuple(0, new RateCommand.Multiply(0.5), "console"),
                        tuple(0, new RateCommand.Set(0.05), "console"));
        assertThat(controller.history().get(0).rateAfter()).isCloseTo(0.5 * base.valueAt(0, 0), within(1e-15));
        assertThat(controller.history().get(1).rateAfter()).isCloseTo(0.05, within(1e-15));
        network.fit(data.get(1));
        network.fit(data.get(2));
        steps.assertRates(n -> 0.05 * base.valueAt(n, 0) / base.valueAt(0, 0), BATCH,
                Integer.MAX_VALUE, 3);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void startReadsOnADaemonThreadUntilTheInputEnds() throws InterruptedException {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        RateController controller = RateController.attach(network);

        Thread reader = ConsoleControl.start(typed("fixed 0.01\n"), controller);
        assertThat(reader.isDaemon()).isTrue();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();

        network.fit(TinyNetworks.batches(1, BATCH).get(0));
        assertThat(controller.adjustment()).isEqualTo(new RateAdjustment.FixedRate(0.01, null));
        assertThat(controller.currentRate()).isEqualTo(0.01);
    }
}
