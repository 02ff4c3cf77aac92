package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.updaters.ScheduledAdaGrad;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.function.Function;

/** The updaters of the {@code --updater} option, each driven by a rate schedule with its defaults otherwise. */
public enum UpdaterKind {
    SGD(Sgd::new),
    /** Nesterov momentum 0.9. */
    NESTEROVS(Nesterovs::new),
    ADAM(Adam::new),
    ADAMAX(AdaMax::new),
    NADAM(Nadam::new),
    AMSGRAD(AMSGrad::new),
    RMSPROP(RmsProp::new),
    /** {@link ScheduledAdaGrad}: ND4J M2.1's own AdaGrad loses its schedule when DL4J clones it. */
    ADAGRAD(ScheduledAdaGrad::new);

    private final Function<ISchedule, IUpdater> factory;

    UpdaterKind(Function<ISchedule, IUpdater> factory) {
        this.factory = factory;
    }

    /** The updater with this rate schedule. */
    public IUpdater withRate(ISchedule schedule) {
        return factory.apply(schedule);
    }
}
