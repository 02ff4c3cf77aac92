/**
 * {@code examples/run benchmark}: does a schedule beat a constant rate, measured over seeds.
 *
 * <ul>
 *   <li>{@link io.github.dl4jschedules.examples.benchmark.BenchmarkCommand}: options, the flow;</li>
 *   <li>{@code Grid}, {@code RunKey}, {@code DefaultGrid}: what is trained and how a run is identified;</li>
 *   <li>{@code GridFile}, {@code RunStore}, {@code GridRunner}, {@code GridProgress}: resumable training
 *   of the grid, one atomically written file pair per finished run;</li>
 *   <li>{@code Summary}, {@code SummaryTables}, {@code RunsCsv}, {@code BenchmarkCharts}: the reports.</li>
 * </ul>
 */
package io.github.dl4jschedules.examples.benchmark;
