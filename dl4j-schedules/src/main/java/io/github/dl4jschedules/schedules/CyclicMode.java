package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.SpecWord;

/**
 * How {@link CyclicSchedule} scales its triangle's height (PyTorch {@code CyclicLR}'s {@code mode}).
 */
public enum CyclicMode implements SpecWord {
    /** Every cycle reaches {@code max}. */
    TRIANGULAR("triangular"),
    /** The height halves each cycle: {@code 1 / 2^(cycle - 1)}. */
    TRIANGULAR2("triangular2"),
    /** The height shrinks by {@code gamma} every step: {@code gamma^n}. */
    EXP_RANGE("exp-range");

    private final String word;

    CyclicMode(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
