/**
 * The {@code parallel} command: MNIST on several workers of one machine with DL4J's ParallelWrapper and
 * {@link io.github.dl4jschedules.parallel.ScheduledParallelTraining}, plus the options that the Spark
 * example shares ({@link io.github.dl4jschedules.examples.parallel.ScalingOptions}).
 *
 * <p>Its epochs run in the shared loop ({@link io.github.dl4jschedules.examples.run.EpochLoop}); what
 * differs from {@link io.github.dl4jschedules.examples.run.TrainingRun} is only where the loss comes
 * from: DL4J calls the listeners of the workers' copies of the network on the workers' threads, so the
 * mean loss is summed by a thread-safe listener (LossMeter), and the rate is read from the averaged
 * network after each epoch.
 */
package io.github.dl4jschedules.examples.parallel;
