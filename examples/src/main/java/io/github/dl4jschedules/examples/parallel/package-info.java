/**
 * The {@code parallel} command: MNIST on several workers of one machine with DL4J's ParallelWrapper and
 * {@link io.github.dl4jschedules.parallel.ScheduledParallelTraining}, plus the options that the Spark
 * example shares ({@link io.github.dl4jschedules.examples.parallel.ScalingOptions}).
 */
package io.github.dl4jschedules.examples.parallel;
