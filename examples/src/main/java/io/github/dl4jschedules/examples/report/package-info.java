/**
 * Output helpers shared by {@code benchmark}, {@code lr-find} and {@code tune}: CSV fields that may
 * hold commas ({@link io.github.dl4jschedules.examples.report.Csv}), files replaced atomically so an
 * interrupted command never leaves half a file ({@link io.github.dl4jschedules.examples.report.AtomicFiles}),
 * and PNG line charts with XChart ({@link io.github.dl4jschedules.examples.report.LineChart}).
 */
package io.github.dl4jschedules.examples.report;
