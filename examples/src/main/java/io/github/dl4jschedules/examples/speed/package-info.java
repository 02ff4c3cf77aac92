/**
 * {@code examples/run speed}: per-epoch training times of the same training done five ways, side by
 * side, each in its own process (the native build can only be chosen when a JVM starts):
 * <ul>
 *   <li>{@code plain}: {@code train --no-fast}, stock native build, ND4J's default threads;</li>
 *   <li>{@code fast}: {@code train}, the fast path (oneDNN build and helpers, one thread);</li>
 *   <li>{@code bare-fit}: {@link io.github.dl4jschedules.examples.speed.BareFitCommand}, a plain
 *       {@code MultiLayerNetwork.fit} loop with the fast path's settings and no listener, to show what
 *       the training program's loop costs on top;</li>
 *   <li>{@code djl}: the DJL/libtorch peer ({@code peers/djl}, built with the profile {@code djl}
 *       only), the same network, data, batches and schedule in DJL on libtorch 2.7.1;</li>
 *   <li>{@code pytorch}: {@code tools/peer/pytorch_mnist.py}, the same network and data in PyTorch.</li>
 * </ul>
 * {@link io.github.dl4jschedules.examples.speed.BreakdownCommand} ({@code speed breakdown}) splits the
 * fast path's epoch per phase ({@link io.github.dl4jschedules.examples.speed.PhaseTimer}) and per layer.
 * {@link io.github.dl4jschedules.examples.speed.SpeedCommand} runs them,
 * {@link io.github.dl4jschedules.examples.speed.VariantResult} reads what each wrote, and
 * {@link io.github.dl4jschedules.examples.speed.SpeedTable} prints the comparison.
 */
package io.github.dl4jschedules.examples.speed;
