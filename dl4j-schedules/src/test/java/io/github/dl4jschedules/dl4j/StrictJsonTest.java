package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.Schedules;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Edited DL4J JSON never changes a schedule silently (issue 10, point 7): a missing or null number
 * is an error naming the field, a fraction in an integer field is rejected.
 */
class StrictJsonTest {

    private static String json(String spec) {
        return TinyNetworks.mlp(new Sgd(Schedules.parse(spec))).toJson();
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> MultiLayerConfiguration.fromJson(json))
                .satisfies(e -> assertThat(messages(e)).contains(message));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aMissingNumberIsAnErrorNamingTheField() {
        String json = json("constant(lr=0.1)").replace("\"lr\" : 0.1", "\"lrr\" : 0.1");
        assertThat(json).contains("\"lrr\" : 0.1");
        assertRejected(json, "schedule field 'lr' must be a number, got nothing");
    }

    @Test
    void aNullNumberIsAnErrorNamingTheField() {
        String json = json("cosine(lr=0.1, steps=20)").replace("\"lr\" : 0.1", "\"lr\" : null");
        assertRejected(json, "schedule field 'lr' must be a number, got null");
    }

    @Test
    void aFractionInAnIntegerFieldIsRejected() {
        String json = json("cosine(lr=0.1, steps=20)").replace("\"steps\" : 20", "\"steps\" : 1.5");
        assertThat(json).contains("\"steps\" : 1.5");
        assertRejected(json, "schedule field 'steps' must be an integer, got 1.5");

        String list = json("multistep(lr=0.3, at=[1, 5, 9], unit=iteration)").replace("5, 9", "5.5, 9");
        assertRejected(list, "schedule field 'at' must be a list of integers, got 5.5");
    }

    @Test
    void aNumberOfAnotherKindIsRejectedAndAWholeDoubleIsAnInteger() {
        assertRejected(json("constant(lr=0.1)").replace("\"lr\" : 0.1", "\"lr\" : \"fast\""),
                "schedule field 'lr' must be a number, got 'fast'");
        String whole = json("cosine(lr=0.1, steps=20)").replace("\"steps\" : 20", "\"steps\" : 20.0");
        assertThat(MultiLayerConfiguration.fromJson(whole)).isEqualTo(MultiLayerConfiguration.fromJson(json(
                "cosine(lr=0.1, steps=20)")));
    }
}
