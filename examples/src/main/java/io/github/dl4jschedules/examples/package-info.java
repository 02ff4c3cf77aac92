/**
 * The examples' command line: {@link io.github.dl4jschedules.examples.Main} registers the
 * subcommands ({@code train}, {@code preview}, {@code speed}, {@code parallel}, {@code benchmark},
 * {@code lr-find}, {@code tune}), each in its own subpackage, and maps their errors to exit codes.
 */
package io.github.dl4jschedules.examples;
