/**
 * The DJL/libtorch peer of {@code examples/run speed} (built with the profile {@code djl} only):
 * {@link io.github.dl4jschedules.peers.djl.DjlPeer} trains the examples' networks
 * ({@link io.github.dl4jschedules.peers.djl.Networks}) with DJL's Adam driven by a catalogue schedule
 * ({@link io.github.dl4jschedules.peers.djl.ScheduleTracker}) and writes the results file
 * {@code speed} reads.
 */
package io.github.dl4jschedules.peers.djl;
