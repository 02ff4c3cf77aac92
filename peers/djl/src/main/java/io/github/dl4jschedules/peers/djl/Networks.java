package io.github.dl4jschedules.peers.djl;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.util.Locale;

/**
 * The examples' two networks ({@code examples/.../train/ModelKind}) as DJL blocks. The output layer
 * gives logits; DJL's softmax cross-entropy applies the log-softmax, which is DL4J's softmax output with
 * negative log-likelihood.
 */
public enum Networks {

    /** {@code pixels -> 300 (ReLU) -> 100 (ReLU) -> 10}; input {@code [batch, rows*cols]}. */
    MLP {
        @Override
        public SequentialBlock block() {
            return new SequentialBlock()
                    .add(Linear.builder().setUnits(300).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(100).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(10).build());
        }

        @Override
        public Shape inputShape(int batch, int rows, int cols) {
            return new Shape(batch, (long) rows * cols);
        }
    },

    /**
     * LeNet as in DL4J's MNIST example: conv 5x5x20 (identity), max-pool 2x2/2, conv 5x5x50 (identity),
     * max-pool 2x2/2, dense 500 (ReLU), 10; input {@code [batch, 1, rows, cols]}.
     */
    LENET {
        @Override
        public SequentialBlock block() {
            return new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(20).build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(50).build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(500).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(10).build());
        }

        @Override
        public Shape inputShape(int batch, int rows, int cols) {
            return new Shape(batch, 1, rows, cols);
        }
    };

    /** A new, uninitialised block of this network. */
    public abstract SequentialBlock block();

    /** The shape of a batch of {@code batch} images of {@code rows x cols}. */
    public abstract Shape inputShape(int batch, int rows, int cols);

    /** {@code mlp} or {@code lenet}, as on the examples' command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
