package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ScheduleType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the readers refuse, and that each message names the class or argument at fault. */
class InterchangeErrorsTest {

    @Test
    void unknownClassesAreNamed() {
        assertThatThrownBy(() -> Interchange.fromKeras("{\"class_name\": \"MyDecay\", \"config\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MyDecay'");
        assertThatThrownBy(() -> Interchange.fromPyTorch("{\"scheduler\": \"LambdaLR\", \"lr\": 0.1, \"kwargs\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'LambdaLR'");
        assertThatThrownBy(() -> Interchange.fromHuggingFace("{\"lr_scheduler_type\": \"reduce_lr_on_plateau\","
                + " \"learning_rate\": 0.1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'reduce_lr_on_plateau'");
    }

    @Test
    void unknownArgumentsAreNamed() {
        assertThatThrownBy(() -> Interchange.fromKeras("{\"class_name\": \"ExponentialDecay\", \"config\":"
                + " {\"initial_learning_rate\": 0.1, \"decay_steps\": 2, \"decay_rate\": 0.9, \"warmup\": 3}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'warmup'")
                .hasMessageContaining("ExponentialDecay");
        assertThatThrownBy(() -> Interchange.fromPyTorch("{\"scheduler\": \"StepLR\", \"lr\": 0.1,"
                + " \"kwargs\": {\"step_size\": 3, \"last_epoch\": 5}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'last_epoch'");
        assertThatThrownBy(() -> Interchange.fromPyTorch("{\"scheduler\": \"StepLR\", \"kwargs\": {\"step_size\": 3}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lr'");
    }

    @Test
    void mappingsThatCannotBeExactAreRefused() {
        assertThatThrownBy(() -> Interchange.fromKeras("{\"class_name\": \"CosineDecayRestarts\", \"config\":"
                + " {\"initial_learning_rate\": 0.1, \"first_decay_steps\": 2, \"m_mul\": 0.5, \"alpha\": 0.1}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
        assertThatThrownBy(() -> Interchange.fromPyTorch("{\"scheduler\": \"CyclicLR\", \"lr\": 0.1, \"kwargs\":"
                + " {\"base_lr\": 0.01, \"max_lr\": 0.1, \"step_size_up\": 2, \"step_size_down\": 4}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step_size_down");
        assertThatThrownBy(() -> Interchange.fromHuggingFace(hfWsd("\"num_decay_steps\": 10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Hugging Face warmup_stable_decay:"
                        + " needs num_stable_steps in lr_scheduler_kwargs or num_training_steps");
        assertThatThrownBy(() -> Interchange.fromHuggingFace(hfWsd("\"num_decay_steps\": 10, \"num_stable_steps\": 5,"
                + " \"warmup_type\": \"cosine\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Hugging Face warmup_stable_decay:"
                        + " warmup_type 'cosine' is not supported (only linear)");
        assertThatThrownBy(() -> Interchange.fromHuggingFace(hfWsd("\"num_decay_steps\": 10, \"num_stable_steps\": 5,"
                + " \"decay_type\": \"exp\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Hugging Face warmup_stable_decay:"
                        + " decay_type 'exp' is not supported (linear, cosine or 1-sqrt)");
        assertThatThrownBy(() -> Interchange.fromHuggingFace(hfWsd("\"num_decay_steps\": 10, \"num_stable_steps\": 5,"
                + " \"num_cycles\": 1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hugging Face warmup_stable_decay with num_cycles != 0.5 is not supported");
        assertThatThrownBy(() -> Interchange.fromHuggingFace(hfWsd("\"num_decay_steps\": 0, \"num_stable_steps\": 5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hugging Face warmup_stable_decay: num_decay_steps must be > 0, got 0");
        assertThatThrownBy(() -> Interchange.fromHuggingFace(hfWsd("\"num_decay_steps\": 5, \"min_lr_ratio\": 1.5,"
                + " \"num_stable_steps\": 5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hugging Face warmup_stable_decay: min_lr_ratio must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Interchange.fromHuggingFace("{\"lr_scheduler_type\": \"warmup_stable_decay\","
                + " \"learning_rate\": 0.1, \"num_warmup_steps\": 4, \"num_training_steps\": 10,"
                + " \"lr_scheduler_kwargs\": {\"num_decay_steps\": 8}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Hugging Face warmup_stable_decay:"
                        + " the stable phase must be >= 0 steps, got -2 (num_training_steps - num_warmup_steps"
                        + " - num_decay_steps)");
        assertThatThrownBy(() -> Interchange.fromKeras("{\"class_name\": \"PiecewiseConstantDecay\", \"config\":"
                + " {\"boundaries\": [2.5], \"values\": [0.1, 0.01]}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'boundaries'");
        assertThatThrownBy(() -> Interchange.fromKeras("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    }

    private static String hfWsd(String kwargs) {
        return "{\"lr_scheduler_type\": \"warmup_stable_decay\", \"learning_rate\": 0.1, \"num_warmup_steps\": 2,"
                + " \"lr_scheduler_kwargs\": {" + kwargs + "}}";
    }

    @Test
    void decaysCountIterations() {
        assertThat(((CounterSchedule) Interchange.fromPyTorch("{\"scheduler\": \"ExponentialLR\", \"lr\": 0.1,"
                + " \"kwargs\": {\"gamma\": 0.5}}")).unit()).isEqualTo(ScheduleType.ITERATION);
    }
}
