package io.github.dl4jschedules.training;

/**
 * A channel a {@link RateController} polls on the training thread, between iterations (the control
 * file). Channels that run on their own thread (console, JMX) call {@link RateController#submit} instead.
 */
public interface CommandSource {

    /**
     * Reads what arrived since the last poll and hands it to the controller.
     *
     * @param controller receives the commands (and warnings about unreadable input)
     */
    void poll(RateController controller);
}
