package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.ScheduleExamples;
import io.github.dl4jschedules.ScheduleExamples.Example;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed JSON fixtures: one DL4J {@link MultiLayerConfiguration} per example schedule, written
 * once and then frozen, so a later version that can no longer read a saved configuration fails
 * {@link JsonFixturesTest}.
 *
 * <p>{@code main} adds fixtures for examples that have none yet and never rewrites an existing one:
 * <pre>
 * mvn -pl dl4j-schedules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.dl4jschedules.dl4j.JsonFixtures -Dexec.args=dl4j-schedules/src/test/resources/json-fixtures
 * </pre>
 */
public final class JsonFixtures {

    static final Path DIRECTORY = Path.of("src/test/resources/json-fixtures");
    static final String INDEX = "index.tsv";

    private JsonFixtures() {
    }

    /** File name to spec, in the order written. */
    static Map<String, String> readIndex(List<String> lines) {
        Map<String, String> index = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                index.put(cells[0], cells[1]);
            }
        }
        return index;
    }

    public static void main(String[] args) throws IOException {
        Path directory = args.length > 0 ? Path.of(args[0]) : DIRECTORY;
        Files.createDirectories(directory);
        Path indexFile = directory.resolve(INDEX);
        List<String> lines = Files.exists(indexFile)
                ? new ArrayList<>(Files.readAllLines(indexFile, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of("# file\tspec  (fixtures are frozen: add new ones, never rewrite)"));
        Map<String, String> index = readIndex(lines);
        int added = 0;
        for (Example example : ScheduleExamples.all().toList()) {
            if (index.containsValue(example.spec())) {
                continue;
            }
            String name = String.format("%03d-%s.json", index.size() + 1, example.schedule().toString().split("\\(")[0]);
            String json = TinyNetworks.mlp(new Adam(example.schedule())).toJson();
            Files.writeString(directory.resolve(name), json, StandardCharsets.UTF_8);
            index.put(name, example.spec());
            lines.add(name + "\t" + example.spec());
            added++;
        }
        Files.write(indexFile, lines, StandardCharsets.UTF_8);
        System.out.println("added " + added + " fixtures, " + index.size() + " in " + directory);
    }

    static String read(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
