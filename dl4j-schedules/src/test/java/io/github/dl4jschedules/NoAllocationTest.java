package io.github.dl4jschedules;

import io.github.dl4jschedules.ScheduleExamples.Example;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code valueAt} runs once per parameter block and iteration, inside DL4J's training loop: it must
 * not allocate. Measured with the JVM's per-thread allocation counter over a million calls; one byte
 * per call would show as a megabyte.
 */
class NoAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void valueAtAllocatesNothing() {
        ISchedule[] schedules = ScheduleExamples.all().map(Example::schedule).toArray(ISchedule[]::new);
        double sink = run(schedules, 200_000);
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
            sink += run(schedules, 1_000_000);
            least = Math.min(least, THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
        }
        assertThat(sink).isFinite();
        assertThat(least).as("bytes allocated by 1,000,000 calls").isLessThan(64 * 1024);
    }

    private static double run(ISchedule[] schedules, int calls) {
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += schedules[i % schedules.length].valueAt(i, i >>> 8);
        }
        return sum;
    }
}
