package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code grid.json}: the grid a benchmark folder belongs to ({@link Grid#describe()}). The first run
 * in a folder writes it; a later run continues the folder only with the same grid (the cells' labels
 * may differ), and is refused with the differences otherwise, so the runs of two grids never mix in
 * one summary.
 */
final class GridFile {

    static final String NAME = "grid.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GridFile() {
    }

    /**
     * Writes {@code grid.json}, or checks that the one there describes the same grid.
     *
     * @return whether the folder already held this grid
     * @throws IllegalArgumentException when the folder holds another grid, naming what differs
     */
    static boolean claim(Path folder, Grid grid) {
        Path file = folder.resolve(NAME);
        JsonNode wanted;
        try {
            // Through text, as the file will be read back: numbers then compare by value, not by Java type.
            wanted = JSON.readTree(JSON.writeValueAsString(grid.describe()));
        } catch (IOException e) {
            throw new IllegalStateException("the grid is plain values", e);
        }
        if (!Files.exists(file)) {
            AtomicFiles.writeString(file, wanted.toPrettyString() + "\n");
            return false;
        }
        JsonNode existing;
        try {
            existing = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + folder + " has an unreadable " + NAME + " (" + e.getMessage()
                    + "); choose another --out, or delete the folder to start over");
        }
        if (withoutLabels(existing).equals(withoutLabels(wanted))) {
            return true;
        }
        throw new IllegalArgumentException("--out " + folder + " holds another benchmark (" + NAME + "): "
                + String.join("; ", differences(withoutLabels(existing), withoutLabels(wanted)))
                + ". Rerun with the options that made it to continue it, or choose another --out");
    }

    /** The grid without the cells' labels, which name a schedule but do not change a run. */
    private static JsonNode withoutLabels(JsonNode grid) {
        JsonNode copy = grid.deepCopy();
        copy.path("cells").forEach(cell -> {
            if (cell instanceof ObjectNode object) {
                object.remove("label");
            }
        });
        return copy;
    }

    private static List<String> differences(JsonNode there, JsonNode here) {
        List<String> differences = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = here.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = there.get(field.getKey());
            if (!field.getValue().equals(old)) {
                differences.add(field.getKey() + " " + (old == null ? "missing" : text(old)) + " there, "
                        + text(field.getValue()) + " here");
            }
        }
        return differences;
    }

    private static String text(JsonNode node) {
        if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            List<String> cells = new ArrayList<>();
            node.forEach(cell -> cells.add(cell.path("updater").asText() + " " + cell.path("schedule").asText()));
            return "[" + String.join("; ", cells) + "]";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
