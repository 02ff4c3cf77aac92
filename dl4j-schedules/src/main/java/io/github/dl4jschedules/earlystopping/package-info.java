/**
 * Schedules in DL4J's early stopping: {@link io.github.dl4jschedules.earlystopping.ScheduledEarlyStoppingTrainer}
 * ({@code MultiLayerNetwork}) and {@link io.github.dl4jschedules.earlystopping.ScheduledEarlyStoppingGraphTrainer}
 * ({@code ComputationGraph}) are DL4J's early-stopping trainers with the network's epoch counter
 * continued across calls instead of restarted at 0, so an epoch schedule gives every epoch the rate a
 * plain {@code fit} of the same data would.
 */
package io.github.dl4jschedules.earlystopping;
