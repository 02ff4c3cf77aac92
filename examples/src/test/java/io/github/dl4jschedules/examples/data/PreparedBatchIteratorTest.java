package io.github.dl4jschedules.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import io.github.dl4jschedules.examples.data.MnistSource.Split;

class PreparedBatchIteratorTest {

    private static MnistData data;

    @BeforeAll
    static void load() {
        data = MnistSource.bundled().load(Split.TEST, 1000);
    }

    @Test
    void batchesCoverEveryExampleOnceWithASmallerLastBatch() {
        DataSetIterator it = data.iterator(64);
        List<DataSet> epoch = drain(it);
        assertThat(epoch).hasSize(16);
        assertThat(epoch.get(0).numExamples()).isEqualTo(64);
        assertThat(epoch.get(15).numExamples()).isEqualTo(1000 - 15 * 64);
        assertThat(epoch.stream().mapToInt(DataSet::numExamples).sum()).isEqualTo(1000);
        assertThat(classCounts(epoch)).containsExactly(data.classCounts());
        assertThat(it.inputColumns()).isEqualTo(784);
        assertThat(it.totalOutcomes()).isEqualTo(10);
        assertThat(it.batch()).isEqualTo(64);
        assertThat(it.getLabels()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }

    @Test
    void unshuffledIteratorRepeatsTheSameBatchesInFileOrder() {
        DataSetIterator it = data.iterator(100);
        List<DataSet> first = drain(it);
        it.reset();
        List<DataSet> second = drain(it);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isSameAs(first.get(i));
        }
        assertThat(first.get(0).getFeatures()).isEqualTo(data.limit(100).toDataSet().getFeatures());
    }

    @Test
    void shuffledIteratorReusesPreparedBatchesInANewOrderEachEpoch() {
        DataSetIterator it = data.iterator(50, 42);
        List<DataSet> first = drain(it);
        it.reset();
        List<DataSet> second = drain(it);
        assertThat(second).hasSameSizeAs(first);
        // The same objects (prepared once), in another order.
        Map<DataSet, Boolean> seen = new IdentityHashMap<>();
        first.forEach(b -> seen.put(b, true));
        assertThat(second).allMatch(seen::containsKey);
        assertThat(second).isNotEqualTo(first);
        assertThat(classCounts(second)).containsExactly(data.classCounts());
        // The examples were permuted before batching: the first batch is not the first 50 examples.
        assertThat(first.get(0).getFeatures()).isNotEqualTo(data.limit(50).toDataSet().getFeatures());
    }

    @Test
    void shufflingIsDeterministicForASeed() {
        DataSetIterator a = data.iterator(50, 7);
        DataSetIterator b = data.iterator(50, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<DataSet> x = drain(a);
            List<DataSet> y = drain(b);
            for (int i = 0; i < x.size(); i++) {
                assertThat(x.get(i).getFeatures()).isEqualTo(y.get(i).getFeatures());
                assertThat(x.get(i).getLabels()).isEqualTo(y.get(i).getLabels());
            }
            a.reset();
            b.reset();
        }
        assertThat(drain(data.iterator(50, 8)).get(0).getFeatures())
                .isNotEqualTo(drain(data.iterator(50, 7)).get(0).getFeatures());
    }

    @Test
    void preProcessorWorksOnCopiesSoBatchesAreNotProcessedTwice() {
        DataSetIterator it = data.iterator(100);
        DataSet original = drain(it).get(0);
        double before = original.getFeatures().sumNumber().doubleValue();
        it.setPreProcessor(ds -> ds.getFeatures().muli(2));
        it.reset();
        DataSet processed = it.next();
        assertThat(processed.getFeatures().sumNumber().doubleValue()).isCloseTo(2 * before,
                offset(1e-2));
        assertThat(original.getFeatures().sumNumber().doubleValue()).isEqualTo(before);
    }

    private static List<DataSet> drain(DataSetIterator it) {
        List<DataSet> batches = new ArrayList<>();
        while (it.hasNext()) {
            batches.add(it.next());
        }
        return batches;
    }

    private static int[] classCounts(List<DataSet> batches) {
        int[] counts = new int[10];
        for (DataSet batch : batches) {
            double[] perClass = batch.getLabels().sum(0).toDoubleVector();
            for (int c = 0; c < 10; c++) {
                counts[c] += (int) perClass[c];
            }
        }
        return counts;
    }

    /**
     * What a peer in another framework reads (batchMembers, batchOrderRandom, permutation) gives the
     * very batches and batch order the seeded iterator trains on: each batch's first row is the pixels
     * of the example batchMembers names (scaled by 1/255 by hand here), in the order drawn per epoch.
     */
    @Test
    void batchMembersAndBatchOrderAreTheSeededIteratorsBatches() {
        long seed = 7;
        List<int[]> members = MnistData.batchMembers(data.size(), 64, seed);
        assertThat(members).hasSize(16);
        assertThat(members.get(15)).hasSize(1000 - 15 * 64);
        assertThat(members.stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray())
                .containsExactly(java.util.stream.IntStream.range(0, 1000).toArray());

        DataSetIterator it = data.iterator(64, seed);
        java.util.Random order = MnistData.batchOrderRandom(seed);
        for (int epoch = 0; epoch < 2; epoch++) {
            it.reset();
            int[] batchOrder = MnistData.permutation(members.size(), order);
            for (int b : batchOrder) {
                DataSet batch = it.next();
                int first = members.get(b)[0];
                assertThat(batch.numExamples()).isEqualTo(members.get(b).length);
                for (int p : new int[] {0, 300, 400, 783}) {
                    assertThat(batch.getFeatures().getDouble(0, p)).isCloseTo(data.images().pixel(first, p) / 255.0, offset(1e-6));
                }
                assertThat(batch.getLabels().getDouble(0, data.label(first))).isEqualTo(1.0);
            }
            assertThat(it.hasNext()).isFalse();
        }
    }
}
