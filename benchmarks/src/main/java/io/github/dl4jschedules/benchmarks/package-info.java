/**
 * Benchmarks of the schedules' own cost (profile {@code jmh}, never in the default build):
 * {@link io.github.dl4jschedules.benchmarks.ValueAtBenchmark} (JMH, one {@code valueAt} call of every
 * schedule in {@link io.github.dl4jschedules.benchmarks.Specimens}) and
 * {@link io.github.dl4jschedules.benchmarks.FitOverhead} (a composite schedule against a constant one
 * in a real {@code fit}).
 */
package io.github.dl4jschedules.benchmarks;
