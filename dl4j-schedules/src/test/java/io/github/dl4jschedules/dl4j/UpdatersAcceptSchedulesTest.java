package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.training.ModelAdapter;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.updaters.ScheduledAdaGrad;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every DL4J updater that takes a rate schedule accepts ours, trains with it, reports the scheduled
 * rate at each iteration, and keeps it through JSON; so do ND4J's other schedule hooks (Nesterovs'
 * momentum, dropout, weight decay and L2).
 */
class UpdatersAcceptSchedulesTest {

    private static final CounterSchedule LR = Schedules.parse("exponential(lr=0.05, rate=0.8, unit=iteration)");

    record UpdaterCase(String name, Function<ISchedule, IUpdater> factory) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<UpdaterCase> updaters() {
        return Stream.of(
                new UpdaterCase("Sgd", Sgd::new),
                new UpdaterCase("Adam", Adam::new),
                new UpdaterCase("AdaMax", AdaMax::new),
                new UpdaterCase("Nadam", Nadam::new),
                new UpdaterCase("AMSGrad", AMSGrad::new),
                new UpdaterCase("Nesterovs", Nesterovs::new),
                new UpdaterCase("RmsProp", RmsProp::new),
                new UpdaterCase("ScheduledAdaGrad", ScheduledAdaGrad::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updaters")
    void updaterTrainsWithTheScheduledRate(UpdaterCase updaterCase) {
        IUpdater updater = updaterCase.factory().apply(LR);
        MultiLayerConfiguration configuration = TinyNetworks.mlp(updater);
        MultiLayerNetwork network = TinyNetworks.network(configuration);
        double before = network.score(TinyNetworks.batches(1, 40).get(0));

        network.fit(TinyNetworks.iterator(TinyNetworks.batches(5, 8)), 3);

        IUpdater applied = ((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater();
        assertThat(applied).isEqualTo(updater);
        for (int iteration = 0; iteration < 15; iteration++) {
            assertThat(ModelAdapter.of(network).appliedRate(iteration, iteration / 5)).isEqualTo(LR.valueAt(iteration));
        }
        assertThat(network.getLearningRate(0)).as("rate DL4J reports after 15 iterations").isEqualTo(LR.valueAt(15));
        assertThat(network.score(TinyNetworks.batches(1, 40).get(0))).as("the network learned").isLessThan(before);
        assertThat(MultiLayerConfiguration.fromJson(configuration.toJson())).isEqualTo(configuration);
    }

    /**
     * ND4J M2.1's {@code AdaGrad.clone()} drops any schedule, ND4J's own included, so DL4J's layers get
     * a NaN rate. This test fails once that is fixed upstream and {@link ScheduledAdaGrad} is redundant.
     */
    @Test
    void nd4jAdaGradLosesItsScheduleWhenCloned() {
        assertThat(new AdaGrad(LR).clone().getLearningRateSchedule()).isNull();
        AdaGrad withNd4jSchedule = new AdaGrad(new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.9));
        assertThat(withNd4jSchedule.clone().getLearningRateSchedule()).isNull();
        assertThat(withNd4jSchedule.clone().getLearningRate(0, 0)).isNaN();

        ScheduledAdaGrad fixed = new ScheduledAdaGrad(LR);
        assertThat(fixed.clone()).isEqualTo(fixed);
        assertThat(fixed.clone().getLearningRate(4, 0)).isEqualTo(LR.valueAt(4));
    }

    @Test
    void nesterovsTakesASchedulePerRateAndMomentum() {
        CounterSchedule momentum = Schedules.parse("piecewise(values=[0.5, 0.9], at=[3], unit=epoch)");
        Nesterovs nesterovs = new Nesterovs(LR, momentum);
        MultiLayerConfiguration configuration = TinyNetworks.mlp(nesterovs);
        MultiLayerNetwork network = TinyNetworks.network(configuration);
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(2, 8)), 2);

        Nesterovs restored = (Nesterovs) ((BaseLayer) MultiLayerConfiguration.fromJson(configuration.toJson())
                .getConf(0).getLayer()).getIUpdater();
        assertThat(restored.getMomentumISchedule()).isEqualTo(momentum);
        assertThat(restored.currentMomentum(0, 2)).isEqualTo(0.5);
        assertThat(restored.currentMomentum(0, 3)).isEqualTo(0.9);
    }

    @Test
    void dropoutAndRegularizationTakeSchedules() {
        CounterSchedule retain = Schedules.parse("piecewise(values=[0.7, 0.9], at=[1], unit=epoch)");
        CounterSchedule decay = Schedules.parse("step(lr=1e-3, factor=0.5, every=1, unit=epoch)");
        MultiLayerConfiguration configuration = TinyNetworks.mlp(TinyNetworks.base(new Adam(LR))
                .dropOut(new Dropout(retain))
                .regularization(List.of(new WeightDecay(decay, true), new L2Regularization(decay))));
        MultiLayerNetwork network = TinyNetworks.network(configuration);
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(2, 8)), 2);

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(configuration.toJson());
        assertThat(restored).isEqualTo(configuration);
        BaseLayer hidden = (BaseLayer) restored.getConf(0).getLayer();
        assertThat(((Dropout) hidden.getIDropout()).getPSchedule()).isEqualTo(retain);
        List<Regularization> regularization = hidden.getRegularization();
        assertThat(regularization).filteredOn(r -> r instanceof WeightDecay)
                .allSatisfy(r -> assertThat(((WeightDecay) r).getCoeff()).isEqualTo(decay)).isNotEmpty();
        assertThat(regularization).filteredOn(r -> r instanceof L2Regularization)
                .allSatisfy(r -> assertThat(((L2Regularization) r).getL2()).isEqualTo(decay)).isNotEmpty();
    }
}
