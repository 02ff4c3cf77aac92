/**
 * Command-line pieces the example commands share: picocli mixins for options that mean the same
 * everywhere ({@link io.github.dl4jschedules.examples.cli.DataOptions},
 * {@link io.github.dl4jschedules.examples.cli.AdamUpdaterOption},
 * {@link io.github.dl4jschedules.examples.cli.DataLimits}) and the usage checks of option values
 * ({@link io.github.dl4jschedules.examples.cli.Validation}).
 */
package io.github.dl4jschedules.examples.cli;
