/**
 * The Spark example (Maven profile {@code spark}, launcher {@code examples/run-spark}): MNIST with DL4J
 * 1.0.0-M2's {@code SparkDl4jMultiLayer} and parameter averaging, the library's schedules shipped to the
 * executors inside the network's configuration. Not part of the default build.
 */
package io.github.dl4jschedules.examples.spark;
