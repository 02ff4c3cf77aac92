package io.github.dl4jschedules.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import io.github.dl4jschedules.examples.data.MnistSource.Split;

/**
 * The {@code --data mnist} adapter's error messages. The failures are simulated (the way DL4J
 * 1.0.0-M2.1 fails without a network: an {@code UnknownHostException} out of the iterator's
 * constructor), so these tests neither need nor use the network.
 */
class DownloadedMnistTest {

    @Test
    void offlineDownloadGivesAClearMessage() {
        UnknownHostException offline = new UnknownHostException("dl4jdata.example");
        assertThatThrownBy(() -> DownloadedMnist.iterator(Split.TRAIN, 64, Integer.MAX_VALUE, true, 1,
                (b, n, train, shuffle, seed) -> {
                    throw offline;
                }))
                .isInstanceOf(MnistDataException.class)
                .hasCause(offline)
                .hasMessageStartingWith("Could not download MNIST: unknown host dl4jdata.example.")
                .hasMessageContaining("needs internet access")
                .hasMessageContaining("--data DIR")
                .hasMessageContaining("leave --data out to train on the bundled subset")
                .hasMessageContaining(DownloadedMnist.cacheDirectory().toString());
    }

    @Test
    void wrappedNetworkFailureIsRecognised() {
        RuntimeException wrapped = new RuntimeException(new IOException(new ConnectException("refused")));
        assertThatThrownBy(() -> DownloadedMnist.iterator(Split.TEST, 64, 100, false, 1,
                (b, n, train, shuffle, seed) -> {
                    throw wrapped;
                }))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith("Could not download MNIST: ConnectException (refused)");
    }

    @Test
    void otherFailuresSuggestClearingTheCache() {
        assertThatThrownBy(() -> DownloadedMnist.iterator(Split.TEST, 64, 100, false, 1,
                (b, n, train, shuffle, seed) -> {
                    throw new IllegalStateException("checksum mismatch");
                }))
                .isInstanceOf(MnistDataException.class)
                .hasMessageContaining("Could not load MNIST through DL4J's MnistDataSetIterator: "
                        + "IllegalStateException (checksum mismatch)")
                .hasMessageContaining("delete that folder")
                .hasMessageContaining("--data DIR");
    }

    @Test
    void argumentsArePassedThroughAndCapped() {
        int[] seen = new int[2];
        boolean[] flags = new boolean[2];
        DownloadedMnist.iterator(Split.TEST, 32, 1_000_000, true, 5, (b, n, train, shuffle, seed) -> {
            seen[0] = b;
            seen[1] = n;
            flags[0] = train;
            flags[1] = shuffle;
            return null;
        });
        assertThat(seen).containsExactly(32, DownloadedMnist.TEST_SIZE);
        assertThat(flags).containsExactly(false, true);
    }
}
