package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The controller as an MXBean on the platform MBean server: attributes read the live state, and
 * setting the rate or invoking an operation queues a command that applies to the next update.
 */
class JmxControlTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final int BATCH = 5;

    @Test
    void readAndSteerThroughThePlatformMBeanServer() throws Exception {
        CounterSchedule base = Schedules.parse("exponential(lr=0.2, rate=0.9, unit=iteration)");
        IntToDoubleFunction b = n -> base.valueAt(n, 0);
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);
        RateController controller = RateController.attach(network);
        List<DataSet> data = TinyNetworks.batches(5, BATCH);
        ObjectName name = new ObjectName("io.github.dl4jschedules:type=RateController,name=\"test\"");

        try (JmxControl jmx = JmxControl.register(controller, "test")) {
            assertThat(jmx.name()).isEqualTo(name);
            assertThat(SERVER.isRegistered(name)).isTrue();
            assertThat(SERVER.getAttribute(name, "LearningRate")).isEqualTo(0.2);
            assertThat(SERVER.getAttribute(name, "Adjustment")).isEqualTo("plain schedule");
            assertThat(SERVER.getAttribute(name, "Iteration")).isEqualTo(0);
            assertThat(SERVER.getAttribute(name, "Epoch")).isEqualTo(0);
            assertThat(SERVER.getAttribute(name, "LastChange")).isEqualTo("");

            network.fit(data.get(0));                                   // iteration 0
            assertThat(SERVER.getAttribute(name, "Iteration")).isEqualTo(1);
            assertThat((double) SERVER.getAttribute(name, "LearningRate")).isEqualTo(b.applyAsDouble(1));

            SERVER.setAttribute(name, new Attribute("LearningRate", 0.05));
            assertThat(controller.adjustment()).as("queued, not applied yet").isEqualTo(RateAdjustment.NONE);
            assertThat((double) SERVER.getAttribute(name, "LearningRate")).isEqualTo(b.applyAsDouble(1));
            network.fit(data.get(1));                                   // the set applies to iteration 1's update
            assertThat((double) SERVER.getAttribute(name, "LearningRate"))
                    .isCloseTo(0.05 * b.applyAsDouble(2) / b.applyAsDouble(1), within(1e-15));
            assertThat((String) SERVER.getAttribute(name, "Adjustment")).startsWith("schedule x");
            assertThat((String) SERVER.getAttribute(name, "LastChange")).contains("set 0.05").contains("JMX");

            SERVER.invoke(name, "multiplyLearningRate", new Object[]{0.5}, new String[]{"double"});
            network.fit(data.get(2));                                   // the factor applies to iteration 2
            assertThat((double) SERVER.getAttribute(name, "LearningRate"))
                    .isCloseTo(0.025 * b.applyAsDouble(3) / b.applyAsDouble(1), within(1e-15));

            assertThatThrownBy(() -> SERVER.setAttribute(name, new Attribute("LearningRate", -1.0)))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasRootCauseMessage("rate command: rate must be finite and >= 0, got rate=-1.0");
            SERVER.invoke(name, "fixLearningRate", new Object[]{0.01}, new String[]{"double"});
            network.fit(data.get(3));                                   // fixed from iteration 3
            assertThat(SERVER.getAttribute(name, "Adjustment")).isEqualTo("fixed rate 0.01");
            SERVER.invoke(name, "resumeSchedule", new Object[0], new String[0]);
            network.fit(data.get(4));                                   // the schedule again from iteration 4
            assertThat(SERVER.getAttribute(name, "Adjustment")).isEqualTo("plain schedule");
            assertThat(SERVER.getAttribute(name, "Iteration")).isEqualTo(5);
        }
        assertThat(SERVER.isRegistered(name)).isFalse();

        steps.assertRates(n -> n == 0 ? b.applyAsDouble(0)
                : n == 1 ? 0.05
                : n == 2 ? 0.025 * b.applyAsDouble(2) / b.applyAsDouble(1)
                : n == 3 ? 0.01
                : b.applyAsDouble(n), BATCH, Integer.MAX_VALUE, 5);
        assertThat(controller.history())
                .extracting(RateChange::iteration, RateChange::command, RateChange::source)
                .containsExactly(
                        tuple(1, new RateCommand.Set(0.05), "JMX"),
                        tuple(2, new RateCommand.Multiply(0.5), "JMX"),
                        tuple(3, new RateCommand.Fix(0.01), "JMX"),
                        tuple(4, new RateCommand.Resume(), "JMX"));
    }

    @Test
    void aNameIsRegisteredOnceAndFreedByClose() throws Exception {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        RateController controller = RateController.attach(network);
        String odd = "run \"7\", lr=0.1*";
        JmxControl first = JmxControl.register(controller, "twice");
        try {
            assertThatThrownBy(() -> JmxControl.register(controller, "twice"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a rate controller named 'twice' is already registered");
        } finally {
            first.close();
        }
        assertThat(SERVER.isRegistered(first.name())).isFalse();
        first.close();                                                  // closing twice is harmless
        try (JmxControl again = JmxControl.register(controller, "twice");
             JmxControl quoted = JmxControl.register(controller, odd)) {
            assertThat(SERVER.isRegistered(again.name())).isTrue();
            assertThat(quoted.name().getKeyProperty("name")).isEqualTo(ObjectName.quote(odd));
            assertThat(SERVER.getAttribute(quoted.name(), "LearningRate")).isEqualTo(0.1);
        }
        assertThat(SERVER.queryNames(new ObjectName(JmxControl.DOMAIN_AND_TYPE + ",*"), null)).isEmpty();
    }
}
