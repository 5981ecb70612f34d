package dev.flows.browser;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Something an element should be or have; a small value whose {@code toString()} reads like the end of a sentence,
 * so that a failed wait explains itself: "waited 5s for testId 'cart-count' to have text '2'".
 *
 * <pre>{@code
 * page.find(Locator.testId("cart-count")).should(Condition.exactText("2"));
 * page.find(Locator.testId("add-to-cart")).should(Condition.visible(), Condition.enabled());
 * }</pre>
 */
public interface Condition {

    /** Whether the element (null when no element matches) meets the condition. */
    boolean test(ElementState element);

    /** What was found instead, in the words of this condition: "text 'Total: €12.00'", "hidden", "no element". */
    String found(ElementState element);

    /** Reads like the end of "waited for X to ...": "be visible", "have text '2'". */
    @Override
    String toString();

    static Condition visible() {
        return of("be visible", e -> e != null && e.visible(), e -> e == null ? "no element" : e.visible() ? "visible" : "hidden");
    }

    /** Not visible, or not on the page at all. */
    static Condition hidden() {
        return of("be hidden", e -> e == null || !e.visible(), e -> e == null ? "no element" : e.visible() ? "visible" : "hidden");
    }

    /** In the page's DOM, visible or not. */
    static Condition present() {
        return of("be present", Objects::nonNull, e -> e == null ? "no element" : "present");
    }

    /** Not in the page's DOM. */
    static Condition absent() {
        return of("be absent", Objects::isNull, e -> e == null ? "no element" : "present (" + (e.visible() ? "visible" : "hidden") + ")");
    }

    static Condition enabled() {
        return of("be enabled", e -> e != null && e.enabled(), e -> e == null ? "no element" : e.enabled() ? "enabled" : "disabled");
    }

    static Condition disabled() {
        return of("be disabled", e -> e != null && !e.enabled(), e -> e == null ? "no element" : e.enabled() ? "enabled" : "disabled");
    }

    /** Visible text containing {@code text} (whitespace folded, case-sensitive). */
    static Condition text(String text) {
        String wanted = ElementState.fold(requireText(text, "text"));
        return of("have text containing '" + wanted + "'", e -> e != null && e.text().contains(wanted), Condition::foundText);
    }

    /** Visible text that is exactly {@code text} (whitespace folded, case-sensitive). */
    static Condition exactText(String text) {
        String wanted = ElementState.fold(Objects.requireNonNull(text, "text"));
        return of("have text '" + wanted + "'", e -> e != null && e.text().equals(wanted), Condition::foundText);
    }

    /** A form field whose value is exactly {@code value}. */
    static Condition value(String value) {
        Objects.requireNonNull(value, "value");
        return of("have value '" + value + "'", e -> e != null && value.equals(e.value()),
                e -> e == null ? "no element" : e.value() == null ? "no value" : "value '" + e.value() + "'");
    }

    /** An attribute that is present, whatever its value. */
    static Condition attribute(String name) {
        requireText(name, "attribute name");
        return of("have attribute " + name, e -> e != null && e.attributes().containsKey(name),
                e -> e == null ? "no element" : "no attribute " + name);
    }

    /** An attribute whose value is exactly {@code value}. */
    static Condition attribute(String name, String value) {
        requireText(name, "attribute name");
        Objects.requireNonNull(value, "value");
        return of("have attribute " + name + "='" + value + "'", e -> e != null && value.equals(e.attributes().get(name)),
                e -> e == null ? "no element" : e.attributes().containsKey(name)
                        ? name + "='" + e.attributes().get(name) + "'" : "no attribute " + name);
    }

    /** The opposite of {@code condition}: "not have text '2'". */
    static Condition not(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        String said = condition.toString();
        String negated = said.startsWith("be ") || said.startsWith("have ") ? "not " + said : "not (" + said + ")";
        return of(negated, e -> !condition.test(e), condition::found);
    }

    /**
     * A condition of your own; {@code description} completes "waited for X to ...".
     *
     * <pre>{@code Condition.of("show a sale price", e -> e != null && e.text().startsWith("Sale"), e -> e == null ? "no element" : e.text())}</pre>
     */
    static Condition of(String description, Predicate<ElementState> test, Function<ElementState, String> found) {
        requireText(description, "condition description");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(found, "found");
        return new Condition() {
            @Override
            public boolean test(ElementState element) {
                return test.test(element);
            }

            @Override
            public String found(ElementState element) {
                return found.apply(element);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    private static String foundText(ElementState e) {
        return e == null ? "no element" : "text '" + e.text() + "'";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
