package io.github.dl4jschedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's catalogue table and the registry ({@link Schedules#definitions()}) are one source:
 * the same schedule names, in each the same parameters in the same order, with the same defaults.
 * The README writes {@code unit} without its choices, {@code <spec>} for child schedules and
 * {@code [..]} for lists; those carry no default.
 */
class CatalogueReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeCatalogueTableMatchesTheRegistry() throws IOException {
        Map<String, List<String>> readme = readmeCatalogue();
        Map<String, List<String>> registry = new LinkedHashMap<>();
        for (ScheduleDefinition<?> definition : Schedules.definitions()) {
            String usage = definition.usage();
            String list = usage.substring(definition.name().length() + 1, usage.length() - 1);
            registry.put(definition.name(), parameters(list));
        }
        assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(registry.keySet());
        registry.forEach((name, parameters) ->
                assertThat(readme.get(name)).as("README catalogue row of %s", name).isEqualTo(parameters));
    }

    /** The rows of the table under "## Catalogue": spec name to its normalised parameters. */
    private static Map<String, List<String>> readmeCatalogue() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Catalogue");
        assertThat(start).as("README has a Catalogue section").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[1].trim().startsWith("`")) {
                continue;
            }
            String name = cells[1].trim().replace("`", "");
            rows.put(name, parameters(cells[2].trim().replace("`", "")));
        }
        return rows;
    }

    /** "{@code lr, rate=0.5, unit=iteration|epoch, then=<spec>}" to {@code [lr, rate=0.5, unit, then]}. */
    private static List<String> parameters(String list) {
        List<String> parameters = new ArrayList<>();
        for (String token : list.split(",\\s*")) {
            String parameter = token.trim();
            if (parameter.equals("<spec>") || parameter.equals("...")) {
                if (!parameters.contains("<spec>...")) {
                    parameters.add("<spec>...");
                }
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                parameters.add(parameter);
                continue;
            }
            String name = parameter.substring(0, equals);
            String value = parameter.substring(equals + 1);
            parameters.add(value.equals("<spec>") || value.startsWith("[") || value.equals("iteration|epoch")
                    ? name : name + "=" + number(value));
        }
        return parameters;
    }

    private static String number(String value) {
        try {
            return Double.toString(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
