package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the rate keeps Adam's state: the updater's state view (first and second moments) is the
 * same right before and right after a command is applied, and training continues exactly as a run
 * whose configured schedule had that change from the start.
 */
class AdamStateTest {

    private static final int BATCHES = 3;
    private static final int EPOCHS = 3;
    private static final int CHANGE_AT = 4;   // the command is submitted in iteration 4, applies from 5

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"factor 0.5", "set 0.005", "fixed 0.005"})
    void momentsSurviveACommand(String command) {
        List<DataSet> data = TinyNetworks.batches(BATCHES, 6);
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Adam(Schedules.parse("constant(lr=0.01)"))));
        List<double[]> before = new ArrayList<>();
        List<double[]> after = new ArrayList<>();
        Script script = new Script();
        network.setListeners(script);
        RateController controller = RateController.attach(network);
        script.at(CHANGE_AT, () -> {
            before.add(network.getUpdater().getStateViewArray().dup().data().asDouble());
            controller.submit(RateCommand.parse(command), "test");
        });
        controller.onChange(change -> after.add(network.getUpdater().getStateViewArray().dup().data().asDouble()));

        network.fit(TinyNetworks.iterator(data), EPOCHS);

        assertThat(controller.history()).singleElement().extracting(RateChange::iteration).isEqualTo(CHANGE_AT + 1);
        assertThat(controller.currentRate()).isEqualTo(0.005);
        assertThat(before).hasSize(1);
        assertThat(after).hasSize(1);
        assertThat(before.get(0)).hasSize((int) network.numParams() * 2);
        assertThat(Arrays.stream(before.get(0)).filter(v -> v != 0).count()).as("Adam has state by then")
                .isGreaterThan(network.numParams());
        assertThat(after.get(0)).containsExactly(before.get(0));

        // The same training with the change in the configured schedule: identical to the last bit.
        MultiLayerNetwork reference = TinyNetworks.network(TinyNetworks.mlp(new Adam(
                Schedules.parse("piecewise(values=[0.01, 0.005], at=[" + (CHANGE_AT + 1) + "], unit=iteration)"))));
        reference.fit(TinyNetworks.iterator(data), EPOCHS);
        assertThat(network.getIterationCount()).isEqualTo(reference.getIterationCount()).isEqualTo(BATCHES * EPOCHS);
        assertThat(network.params().data().asDouble()).containsExactly(reference.params().data().asDouble());
        assertThat(network.getUpdater().getStateViewArray().data().asDouble())
                .containsExactly(reference.getUpdater().getStateViewArray().data().asDouble());
    }
}
