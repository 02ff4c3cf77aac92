/**
 * The Spark example (Maven profile {@code spark}, launcher {@code examples/run-spark}): MNIST with DL4J
 * 1.0.0-M2's {@code SparkDl4jMultiLayer} and parameter averaging, the library's schedules shipped to the
 * executors inside the network's configuration. Not part of the default build.
 *
 * <p>Its epochs run in the shared loop ({@link io.github.dl4jschedules.examples.run.EpochLoop}); the
 * per-update observer of {@link io.github.dl4jschedules.examples.run.TrainingRun} is not available, as
 * DL4J serialises the listeners to the executors, where the updates happen: the driver learns only the
 * score of each epoch's last averaging ({@code SparkDl4jMultiLayer.getScore}) and reads the rate from
 * the network it gets back.
 */
package io.github.dl4jschedules.examples.spark;
