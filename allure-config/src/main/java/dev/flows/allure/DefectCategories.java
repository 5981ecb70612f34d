package dev.flows.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shipped {@code categories.json}, read back so that code (a console summary, a test) sorts a result the way
 * the Allure report will. Allure 2 puts a result in every category that matches, so the shipped patterns exclude
 * each other (a fallback-only failure is not also "element missing"); {@link #of} returns the one that matches.
 *
 * <pre>{@code
 * DefectCategories.shipped().of("failed", "... site 'live' is unreachable at ...", false);  // Optional["Site unreachable"]
 * }</pre>
 */
public final class DefectCategories {

    private record Category(String name, List<String> statuses, Pattern message, Boolean flaky) {
    }

    private final List<Category> categories;

    private DefectCategories(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    public static DefectCategories shipped() {
        try (InputStream in = DefectCategories.class.getResourceAsStream(AllureResults.CATEGORIES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Flows jar lacks " + AllureResults.CATEGORIES_RESOURCE);
            }
            List<Category> list = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                List<String> statuses = new ArrayList<>();
                c.path("matchedStatuses").forEach(s -> statuses.add(s.asText()));
                if (statuses.isEmpty()) {
                    // Allure's own default for a category without statuses.
                    statuses.addAll(List.of("failed", "broken"));
                }
                Pattern message = c.hasNonNull("messageRegex") ? Pattern.compile(c.get("messageRegex").asText()) : null;
                Boolean flaky = c.hasNonNull("flaky") ? c.get("flaky").asBoolean() : null;
                list.add(new Category(c.get("name").asText(), statuses, message, flaky));
            }
            return new DefectCategories(list);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + AllureResults.CATEGORIES_RESOURCE, e);
        }
    }

    /** Every category's name, in the order Allure tries them. */
    public List<String> names() {
        return categories.stream().map(Category::name).toList();
    }

    /**
     * The category Allure puts a result in, from its status ("failed"), statusDetails message and flaky flag;
     * several names joined by " + " when the patterns overlap (a bug in the categories).
     */
    public Optional<String> of(String status, String message, boolean flaky) {
        List<String> all = new ArrayList<>();
        for (Category c : categories) {
            boolean matches = c.statuses().contains(status)
                    && (c.message() == null || message != null && c.message().matcher(message).matches())
                    && (c.flaky() == null || c.flaky() == flaky);
            if (matches) {
                all.add(c.name());
            }
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(String.join(" + ", all));
    }
}
