package io.github.dl4jschedules.spec;

/** An enum constant that is written as a word in specs, e.g. {@code exp-range} or {@code cos}. */
public interface SpecWord {

    /** {@return the word used in spec text} */
    String word();
}
