package io.github.dl4jschedules.examples.data;

/**
 * MNIST data that cannot be used: a file that is missing, truncated or malformed, image and label
 * files that disagree, or a download that failed.
 *
 * <p>The message is meant for the command line as it is: it names the file (or the folder, or the
 * download) and says what is wrong with it, for example
 * {@code data/train-labels-idx1-ubyte: wrong magic number: expected 2049 (0x00000801, IDX label file), got 2051 (0x00000803)}.
 */
public class MnistDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MnistDataException(String message) {
        super(message);
    }

    public MnistDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
