package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.SpecWord;

/**
 * How {@link OneCycle} moves from one rate to the next inside a phase (PyTorch {@code OneCycleLR}'s
 * {@code anneal_strategy}), as the phase's fraction {@code p} goes from 0 to 1.
 */
public enum Anneal implements SpecWord {
    /** {@code end + (start - end) / 2 * (cos(pi * p) + 1)}. */
    COS("cos") {
        @Override
        double between(double start, double end, double fraction) {
            return end + (start - end) / 2.0 * (Math.cos(Math.PI * fraction) + 1);
        }
    },
    /** {@code (end - start) * p + start}. */
    LINEAR("linear") {
        @Override
        double between(double start, double end, double fraction) {
            return (end - start) * fraction + start;
        }
    };

    private final String word;

    Anneal(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** The rate at {@code fraction} in [0, 1] of the way from {@code start} to {@code end}. */
    abstract double between(double start, double end, double fraction);
}
