/**
 * {@code examples/run preview}: a schedule's rates before any training, as a value table, a PNG chart
 * and a CSV file. Every value is the library's own {@code valueAt(iteration, epoch)}, the call DL4J
 * makes during training.
 *
 * <ul>
 *   <li>{@link io.github.dl4jschedules.examples.preview.PreviewCommand}: the options and their checks;</li>
 *   <li>{@code StepAxis}: what a step is (iteration or epoch) and the counters it gives a schedule;</li>
 *   <li>{@code RateSeries}: the values of several schedules at the same steps;</li>
 *   <li>{@code ValueTable}, {@code RateChart}, {@code SeriesCsv}: the three ways to show a series.</li>
 * </ul>
 */
package io.github.dl4jschedules.examples.preview;
