/**
 * The examples' command line, {@code examples/run <command>}: {@link io.github.dl4jschedules.examples.Main}
 * declares the commands ({@code train}, {@code preview}, {@code speed}, {@code benchmark},
 * {@code lr-find}, {@code tune}, {@code parallel}) and their shared error handling:
 * bad options, values or specs are usage errors (exit {@value io.github.dl4jschedules.examples.cli.RunFailure#USAGE});
 * anything that fails while a command runs ends in one {@code error:} line
 * (exit {@value io.github.dl4jschedules.examples.cli.RunFailure#RUN_TIME}, {@link io.github.dl4jschedules.examples.cli.RunFailure}).
 * Each command lives in its own package; the library never depends on this module.
 */
package io.github.dl4jschedules.examples;
