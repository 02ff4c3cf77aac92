package io.github.dl4jschedules.interchange;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Schedules from and to Python frameworks' configurations. Each {@code from} method returns a schedule of the catalogue
 * (a composite where needed) counting in {@code iteration}s, whose {@code valueAt(n, epoch)} is the
 * rate of update {@code n} (n updates done before it): PyTorch's scheduler stepped once per update,
 * Keras' {@code optimizer.iterations}, Hugging Face's {@code current_step}. A class or argument the
 * reader does not know, or cannot reproduce exactly, is an {@link IllegalArgumentException} naming it.
 * The formulas and the differences are in {@link KerasReader}, {@link PyTorchReader} and
 * {@link HuggingFaceReader}; {@link #toKeras} and {@link #toPyTorch} write a schedule back where the
 * framework has an exact equivalent ({@link KerasWriter}, {@link PyTorchWriter}) and refuse otherwise.
 */
public final class Interchange {

    private Interchange() {
    }

    /**
     * A Keras schedule: {@code {"class_name": "ExponentialDecay", "config": {...}}} (Keras 3's
     * {@code module} and {@code registered_name} accepted), or a plain number for a constant rate.
     *
     * @param json the configuration as JSON text
     * @return the equivalent catalogue schedule
     */
    public static ISchedule fromKeras(String json) {
        return KerasReader.read(JsonArgs.parse(json));
    }

    /**
     * A PyTorch scheduler: {@code {"scheduler": "StepLR", "lr": 0.1, "kwargs": {"step_size": 30}}},
     * {@code lr} the optimizer's base rate; {@code SequentialLR}'s {@code kwargs.schedulers} is a list
     * of such objects without {@code lr}.
     *
     * @param json the configuration as JSON text
     * @return the equivalent catalogue schedule
     */
    public static ISchedule fromPyTorch(String json) {
        return PyTorchReader.read(JsonArgs.parse(json));
    }

    /**
     * A Hugging Face transformers schedule: {@code {"lr_scheduler_type": "cosine", "learning_rate":
     * 5e-5, "num_warmup_steps": 100, "num_training_steps": 1000, "lr_scheduler_kwargs": {}}}.
     *
     * @param json the configuration as JSON text
     * @return the equivalent catalogue schedule
     */
    public static ISchedule fromHuggingFace(String json) {
        return HuggingFaceReader.read(JsonArgs.parse(json));
    }

    /**
     * The Keras configuration of a schedule, {@code {"class_name": ..., "config": {...}}} (the form
     * {@code keras.optimizers.schedules.deserialize} takes), or a number for a constant rate, with the
     * same rate at every step. {@code fromKeras} reads it back.
     *
     * @param schedule a schedule of the catalogue ({@code Schedules.parse}) that Keras has an exact class for (the
     *                 table in {@link KerasWriter}), counting iterations unless it is a constant
     * @return the Keras configuration as JSON text
     * @throws IllegalArgumentException naming the schedule and why Keras has no exact equivalent
     */
    public static String toKeras(ISchedule schedule) {
        return KerasWriter.write(schedule).toString();
    }

    /**
     * The PyTorch form of a schedule, {@code {"scheduler": ..., "lr": ..., "kwargs": {...}}}: build the
     * scheduler with {@code lr} as the optimizer's rate and step it once per update.
     * {@code fromPyTorch} reads it back.
     *
     * @param schedule a schedule of the catalogue ({@code Schedules.parse}) counting iterations that PyTorch has an
     *                 exact scheduler for (the table in {@link PyTorchWriter})
     * @return the PyTorch form as JSON text
     * @throws IllegalArgumentException naming the schedule and why PyTorch has no exact equivalent
     */
    public static String toPyTorch(ISchedule schedule) {
        return PyTorchWriter.write(schedule).toString();
    }
}
