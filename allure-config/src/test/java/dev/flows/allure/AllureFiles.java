package dev.flows.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Allure result files of a results folder, read as JSON: what the report generator will read. */
final class AllureFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllureFiles() {
    }

    static List<JsonNode> results(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<JsonNode> list = new ArrayList<>();
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json")).sorted()::iterator) {
                list.add(JSON.readTree(f.toFile()));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode named(List<JsonNode> results, String name) {
        return results.stream().filter(r -> r.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Allure result named '" + name + "' among "
                        + results.stream().map(r -> r.path("name").asText()).toList()));
    }

    static String label(JsonNode result, String name) {
        for (JsonNode l : result.path("labels")) {
            if (l.path("name").asText().equals(name)) {
                return l.path("value").asText();
            }
        }
        return null;
    }

    static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.path("labels").forEach(l -> {
            if (l.path("name").asText().equals(name)) {
                values.add(l.path("value").asText());
            }
        });
        return values;
    }

    static String category(JsonNode result) {
        return DefectCategories.shipped().of(result.path("status").asText(),
                result.path("statusDetails").path("message").asText(null),
                result.path("statusDetails").path("flaky").asBoolean(false)).orElse("(none)");
    }

    static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.path("name").asText()));
        return names;
    }
}
