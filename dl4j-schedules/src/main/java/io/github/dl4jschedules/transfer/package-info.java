/**
 * Schedules in transfer learning and fine-tuning: {@link io.github.dl4jschedules.transfer.TransferCounters}
 * continues or restarts the counters of a network built by DL4J's {@code TransferLearning} (which
 * always restarts them), and {@link io.github.dl4jschedules.transfer.LayerDecay} gives every trainable
 * layer the base schedule scaled by {@code decay^depth} (layer-wise learning-rate decay, ULMFiT's
 * discriminative fine-tuning, timm's {@code layer_decay}).
 */
package io.github.dl4jschedules.transfer;
