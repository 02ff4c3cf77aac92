package io.github.dl4jschedules.examples.train;

import org.junit.jupiter.api.Test;
import java.util.Map;

class ExploreTest {
    @Test
    void explore() {
        Map<UpdaterKind, Double> rates = Map.of(UpdaterKind.SGD, 0.1, UpdaterKind.NESTEROVS, 0.05, UpdaterKind.ADAM, 0.002,
                UpdaterKind.ADAMAX, 0.003, UpdaterKind.NADAM, 0.002, UpdaterKind.AMSGRAD, 0.002, UpdaterKind.RMSPROP, 0.001,
                UpdaterKind.ADAGRAD, 0.02);
        long t0 = System.nanoTime();
        for (ModelKind m : ModelKind.values()) {
            for (Object[] ur : new Object[][] {{UpdaterKind.NADAM, 0.001}, {UpdaterKind.NADAM, 0.0005}, {UpdaterKind.NADAM, 0.0002}, {UpdaterKind.ADAGRAD, 0.01}, {UpdaterKind.ADAGRAD, 0.005}, {UpdaterKind.SGD, 0.2}}) { UpdaterKind u = (UpdaterKind) ur[0];
                for (String form : new String[] {"exponential(lr=%s, rate=0.98, unit=iteration)", "inverse-time(lr=%s, decay=0.5, unit=epoch)"}) {
                    StringBuilder line = new StringBuilder(String.format("%-6s %-9s %s %-5s", m, u, ur[1], form.substring(0, 5)));
                    for (long seed : new long[] {42, 1, 7}) {
                        long t = System.nanoTime();
                        var o = Trainings.run(m, u, String.format(java.util.Locale.ROOT, form, ur[1]), 2, 512, 500, 32, seed, true);
                        line.append(String.format(" | %.2fs loss %.3f>%.3f acc %.3f,%.3f", (System.nanoTime() - t) / 1e9,
                                o.losses().get(0), o.losses().get(1), o.accuracies().get(0), o.accuracies().get(1)));
                    }
                    System.out.println(line);
                }
            }
        }
        System.out.printf("total %.1fs%n", (System.nanoTime() - t0) / 1e9);
    }
}
