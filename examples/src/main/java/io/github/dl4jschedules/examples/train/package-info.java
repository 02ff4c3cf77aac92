/**
 * The {@code train} command ({@link io.github.dl4jschedules.examples.train.TrainCommand}) and the
 * training kernel the other commands reuse: the model and updater choices, the training data, the
 * epoch loop ({@link io.github.dl4jschedules.examples.train.TrainingRun}), the run-time controls
 * (control file, console, JMX, plateau), the per-epoch results with their provenance, and the
 * presets of the lecture's decay variants.
 */
package io.github.dl4jschedules.examples.train;
