package io.github.dl4jschedules.examples.spark;

import org.apache.spark.SparkEnv;
import org.nd4j.parameterserver.distributed.v2.transport.PortSupplier;

/**
 * The UDP port of gradient sharing for the JVM it runs in: {@code base} on the driver (and in local
 * mode, where the executor is the driver's JVM), {@code base + 1 + i} on executor {@code i}. DL4J's
 * default gives every JVM the same port, which only works with one executor per machine.
 */
final class ExecutorPorts implements PortSupplier {

    private static final long serialVersionUID = 1L;

    /** Spark's executor id of the driver ({@code SparkContext.DRIVER_IDENTIFIER}, private to Spark). */
    private static final String DRIVER = "driver";

    private final int base;

    ExecutorPorts(int base) {
        this.base = base;
    }

    @Override
    public int getPort() {
        SparkEnv env = SparkEnv.get();
        String executor = env == null ? DRIVER : env.executorId();
        if (DRIVER.equals(executor)) {
            return base;
        }
        try {
            return base + 1 + Integer.parseInt(executor);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("gradient sharing: executor id '" + executor
                    + "' is not a number, so it cannot pick its UDP port from " + base, e);
        }
    }
}
