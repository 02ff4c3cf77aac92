/**
 * MNIST for the examples: the bundled subset or a downloaded copy
 * ({@link io.github.dl4jschedules.examples.data.MnistSource}), read from the IDX format
 * ({@link io.github.dl4jschedules.examples.data.IdxImages},
 * {@link io.github.dl4jschedules.examples.data.IdxLabels}) into ND4J batches.
 */
package io.github.dl4jschedules.examples.data;
