/**
 * Readers that turn another framework's schedule configuration (Keras, PyTorch, Hugging Face
 * transformers) into a schedule of the catalogue with the same rate at every update, and writers back
 * to Keras and PyTorch where the mapping is exact; entry point
 * {@link io.github.dl4jschedules.interchange.Interchange}.
 */
package io.github.dl4jschedules.interchange;
