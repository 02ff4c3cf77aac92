package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.SpecWord;

/**
 * The shape of {@link Wsd}'s cooldown: the fraction {@code f(p)} of the way from the floor to the
 * peak rate that is left when the share {@code p} in [0, 1) of the cooldown is done (Hugging Face
 * {@code get_wsd_schedule}'s {@code decay_type}; Hägele et al. 2024 compare the three).
 */
public enum CooldownShape implements SpecWord {
    /** {@code f(p) = 1 - p}. */
    LINEAR("linear") {
        @Override
        double left(double p) {
            return 1 - p;
        }
    },
    /** {@code f(p) = (1 + cos(pi * p)) / 2}: a half cosine wave. */
    COSINE("cosine") {
        @Override
        double left(double p) {
            return (1 + Math.cos(Math.PI * p)) / 2;
        }
    },
    /** {@code f(p) = 1 - sqrt(p)}: Hägele et al.'s "1-sqrt", a fast start and a long tail. */
    ONE_MINUS_SQRT("one-minus-sqrt") {
        @Override
        double left(double p) {
            return 1 - Math.sqrt(p);
        }
    };

    private final String word;

    CooldownShape(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** What is left of the drop at share {@code p} in [0, 1] of the cooldown: 1 at 0, 0 at 1. */
    abstract double left(double p);
}
