/**
 * What every command uses: the models ({@link io.github.dl4jschedules.examples.run.ModelKind}), the
 * updaters ({@link io.github.dl4jschedules.examples.run.UpdaterKind}), the schedule specs and lecture
 * presets ({@link io.github.dl4jschedules.examples.run.ScheduleConverter},
 * {@link io.github.dl4jschedules.examples.run.Presets}), the MNIST batches
 * ({@link io.github.dl4jschedules.examples.run.TrainingData}), the epoch loop of every engine
 * ({@link io.github.dl4jschedules.examples.run.EpochLoop}) and one network's training in it
 * ({@link io.github.dl4jschedules.examples.run.TrainingRun}, on the oneDNN fast path,
 * {@link io.github.dl4jschedules.examples.run.FastPath}, unless {@code --no-fast}), one epoch's numbers
 * ({@link io.github.dl4jschedules.examples.run.EpochResult}), and the CSV or JSON results with their
 * provenance ({@link io.github.dl4jschedules.examples.run.ResultsWriter},
 * {@link io.github.dl4jschedules.examples.run.Provenance}). It depends on the library, {@code data}
 * and {@code report} (the atomic file writes) only; the command packages depend on it.
 */
package io.github.dl4jschedules.examples.run;
