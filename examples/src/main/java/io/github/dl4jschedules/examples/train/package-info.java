/**
 * {@code examples/run train}: one training of LeNet or an MLP on MNIST with an updater and a
 * schedule, the model, data and epoch loop coming from {@link io.github.dl4jschedules.examples.run}.
 * {@link io.github.dl4jschedules.examples.train.TrainCommand} reads the options,
 * {@link io.github.dl4jschedules.examples.train.RunControls} attaches the training-time parts (control
 * file, console, JMX, plateau, recorder, UI) and saves the model after every epoch for an exact
 * {@code --resume} ({@link io.github.dl4jschedules.examples.train.SavedRun}), and
 * {@link io.github.dl4jschedules.examples.train.ConsoleReport} prints the epochs as they finish.
 */
package io.github.dl4jschedules.examples.train;
