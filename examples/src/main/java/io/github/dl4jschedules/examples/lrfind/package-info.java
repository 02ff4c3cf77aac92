/**
 * {@code examples/run lr-find}: the learning-rate range test (L. N. Smith 2017; fastai's {@code lr_find})
 * to choose alpha0 before training.
 *
 * <ul>
 *   <li>{@link io.github.dl4jschedules.examples.lrfind.LrFindCommand}: options, output, the printed advice;</li>
 *   <li>{@link io.github.dl4jschedules.examples.lrfind.ExponentialRamp}: the rising rate, a schedule like the catalogue's;</li>
 *   <li>{@code RangeTest}, {@code LimitedIterator}: the training run that stops when the loss diverges;</li>
 *   <li>{@code SmoothedLoss}, {@code Suggestion}: fastai's smoothing and its two suggestion rules.</li>
 * </ul>
 */
package io.github.dl4jschedules.examples.lrfind;
