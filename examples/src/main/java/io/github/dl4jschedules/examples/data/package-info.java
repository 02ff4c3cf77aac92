/**
 * MNIST-format data for the examples, offline first: the bundled 10,000-digit subset on the class
 * path, any folder of IDX files (plain or gzipped, e.g. Debian's Fashion-MNIST), or the full MNIST
 * downloaded on request ({@link io.github.dl4jschedules.examples.data.DownloadedMnist}, which fails with
 * a clear message when offline). {@link io.github.dl4jschedules.examples.data.IdxReader} checks every
 * header and size before it allocates ({@link io.github.dl4jschedules.examples.data.MnistDataException}
 * names the file and the problem), and {@link io.github.dl4jschedules.examples.data.PreparedBatchIterator}
 * serves shuffled mini-batches prepared once.
 */
package io.github.dl4jschedules.examples.data;
