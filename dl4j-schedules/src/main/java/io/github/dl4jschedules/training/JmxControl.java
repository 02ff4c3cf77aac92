package io.github.dl4jschedules.training;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Publishes a {@link RateController} as an MXBean on the platform MBean server, the JVM's own channel
 * for runtime control: {@code jconsole} or VisualVM can read the rate and change it.
 */
public final class JmxControl implements RateControlMXBean, AutoCloseable {

    /** The domain and type of the MBean's name. */
    public static final String DOMAIN_AND_TYPE = "io.github.dl4jschedules:type=RateController";

    private final RateController controller;
    private final ObjectName name;

    private JmxControl(RateController controller, ObjectName name) {
        this.controller = controller;
        this.name = name;
    }

    /**
     * Registers the controller as {@code io.github.dl4jschedules:type=RateController,name=<name>}.
     *
     * @param controller the controller to expose
     * @param name the {@code name=} key of the MBean's object name
     * @return the registration; {@code close()} unregisters it
     * @throws IllegalArgumentException if that name is taken or invalid
     */
    public static JmxControl register(RateController controller, String name) {
        try {
            ObjectName objectName = new ObjectName(DOMAIN_AND_TYPE + ",name=" + ObjectName.quote(name));
            JmxControl bean = new JmxControl(controller, objectName);
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, objectName);
            return bean;
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalArgumentException("a rate controller named '" + name + "' is already registered", e);
        } catch (JMException e) {
            throw new IllegalArgumentException("cannot register the rate controller as '" + name + "': "
                    + e.getMessage(), e);
        }
    }

    /** {@return the registered name} */
    public ObjectName name() {
        return name;
    }

    @Override
    public double getLearningRate() {
        return controller.currentRate();
    }

    @Override
    public void setLearningRate(double rate) {
        controller.submit(new RateCommand.Set(rate), "JMX");
    }

    @Override
    public String getAdjustment() {
        return controller.adjustment().toString();
    }

    @Override
    public int getIteration() {
        return controller.nextIteration();
    }

    @Override
    public int getEpoch() {
        return controller.nextEpoch();
    }

    @Override
    public void multiplyLearningRate(double factor) {
        controller.submit(new RateCommand.Multiply(factor), "JMX");
    }

    @Override
    public void fixLearningRate(double rate) {
        controller.submit(new RateCommand.Fix(rate), "JMX");
    }

    @Override
    public void resumeSchedule() {
        controller.submit(new RateCommand.Resume(), "JMX");
    }

    @Override
    public void coolDown(int steps) {
        controller.submit(new RateCommand.Cooldown(steps), "JMX");
    }

    @Override
    public String getLastChange() {
        List<RateChange> history = controller.history();
        return history.isEmpty() ? "" : history.get(history.size() - 1).toString();
    }

    /** Unregisters the MBean. */
    @Override
    public void close() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot unregister " + name, e);
        }
    }
}
