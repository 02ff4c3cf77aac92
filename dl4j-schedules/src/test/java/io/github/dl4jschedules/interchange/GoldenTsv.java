package io.github.dl4jschedules.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data lines of a golden table written by {@code tools/golden/generate_interchange.py}: its first
 * line is the header, {@code #} lines and blank lines are comments, cells are tab-separated.
 */
final class GoldenTsv {

    /** One data line: its number in the file (from 1) and its cells. */
    record Line(int number, String[] cells) {
    }

    private GoldenTsv() {
    }

    static List<Line> read(String resource) {
        InputStream in = GoldenTsv.class.getResourceAsStream(resource);
        assertThat(in).as(resource.substring(1) + " on the test classpath").isNotNull();
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 || line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                lines.add(new Line(number, line.split("\t")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
