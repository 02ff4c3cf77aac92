package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.Schedules;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Configurations saved by earlier versions keep loading, with the same schedule. */
class JsonFixturesTest {

    private static Map<String, String> index() throws IOException {
        return JsonFixtures.readIndex(Files.readAllLines(JsonFixtures.DIRECTORY.resolve(JsonFixtures.INDEX),
                StandardCharsets.UTF_8));
    }

    static Stream<Map.Entry<String, String>> fixtures() throws IOException {
        return index().entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void committedFixtureLoadsWithItsSchedule(Map.Entry<String, String> fixture) {
        MultiLayerConfiguration configuration = MultiLayerConfiguration.fromJson(JsonFixtures.read(fixture.getKey()));
        for (int layer = 0; layer < configuration.getConfs().size(); layer++) {
            JsonRoundTripTest.assertSameSchedule(
                    JsonRoundTripTest.lrSchedule(((BaseLayer) configuration.getConf(layer).getLayer()).getIUpdater()),
                    Schedules.parse(fixture.getValue()));
        }
    }

    @Test
    void everyScheduleOfTheCatalogueHasAFixture() throws IOException {
        Set<String> covered = new TreeSet<>();
        index().values().forEach(spec -> covered.add(Schedules.parse(spec).toString().split("\\(")[0]));
        assertThat(covered).containsAll(Schedules.names());
    }
}
