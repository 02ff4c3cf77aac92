/**
 * Schedules in data-parallel training: on one machine, {@link io.github.dl4jschedules.parallel.ScheduledParallelTraining}
 * runs DL4J's {@code ParallelWrapper} with iteration and epoch counters that follow global progress (one
 * iteration = one mini-batch of one worker), and {@link io.github.dl4jschedules.parallel.LinearScaling}
 * is the large-batch recipe (linear scaling rule with gradual warm-up), and
 * {@link io.github.dl4jschedules.parallel.WorkerSteps} runs a one-machine schedule under a counter of
 * rounds of N workers (DL4J's Spark parameter averaging). Needs
 * {@code deeplearning4j-parallel-wrapper}, which the library declares {@code provided}.
 */
package io.github.dl4jschedules.parallel;
