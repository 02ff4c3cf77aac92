/**
 * {@code examples/run train}: LeNet or an MLP ({@link io.github.dl4jschedules.examples.train.ModelKind})
 * on MNIST with one of eight updaters ({@link io.github.dl4jschedules.examples.train.UpdaterKind}) and a
 * schedule given as a spec or a lecture preset ({@link io.github.dl4jschedules.examples.train.Presets}).
 * {@link io.github.dl4jschedules.examples.train.TrainCommand} reads the options,
 * {@link io.github.dl4jschedules.examples.train.TrainingRun} runs the epoch loop (on the oneDNN fast
 * path, {@link io.github.dl4jschedules.examples.train.FastPath}, unless {@code --no-fast}),
 * {@link io.github.dl4jschedules.examples.train.RunControls} attaches the training-time parts (control
 * file, console, JMX, plateau, recorder, UI) and saves the model after every epoch for an exact
 * {@code --resume} ({@link io.github.dl4jschedules.examples.train.SavedRun}), and
 * {@link io.github.dl4jschedules.examples.train.ResultsWriter} writes CSV or JSON results with their
 * provenance. Other commands reuse the model, data and epoch-loop classes of this package.
 */
package io.github.dl4jschedules.examples.train;
