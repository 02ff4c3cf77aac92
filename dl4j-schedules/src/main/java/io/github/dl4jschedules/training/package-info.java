/**
 * What runs beside DL4J's training loop: the {@link io.github.dl4jschedules.training.RateController}
 * (manual decay), its channels ({@link io.github.dl4jschedules.training.ControlFile},
 * {@link io.github.dl4jschedules.training.ConsoleControl}, {@link io.github.dl4jschedules.training.JmxControl}),
 * {@link io.github.dl4jschedules.training.ReduceOnPlateau}, the
 * {@link io.github.dl4jschedules.training.RateRecorder}, and the state saved with the model
 * ({@link io.github.dl4jschedules.training.TrainingStateStore}). Needs {@code deeplearning4j-nn}, which the
 * library declares {@code provided}.
 */
package io.github.dl4jschedules.training;
