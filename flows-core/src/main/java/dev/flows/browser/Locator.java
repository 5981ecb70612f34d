package dev.flows.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where an element is on a page, independent of the engine that finds it.
 *
 * <pre>{@code
 * Locator price = Locator.testId("product-card").nth(2).find(Locator.testId("product-price"));
 * }</pre>
 *
 * <p>A locator is a chain of segments: each segment is searched for inside every match of the previous one.
 * Both engines resolve the same CSS and XPath in the browser, so a locator matches the same elements on
 * Playwright and on Selenium.
 */
public final class Locator {

    /** How a segment's expression is read. */
    public enum Kind { CSS, XPATH, TEST_ID, TEXT }

    /** One link of the chain: an expression and, optionally, which of its matches to keep. */
    public record Segment(Kind kind, String expression, Integer index) {
        public Segment {
            Objects.requireNonNull(kind, "kind");
            if (expression == null || expression.isBlank()) {
                throw new IllegalArgumentException("locator expression must not be blank");
            }
            if (index != null && index < 0) {
                throw new IllegalArgumentException("locator index must be 0 or more: " + index);
            }
        }

        /** The segment as CSS or XPath, the only two languages the engines are asked to speak. */
        public String css() {
            return switch (kind) {
                case CSS -> expression;
                case TEST_ID -> "[data-testid=\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
                default -> throw new IllegalStateException(kind + " is not CSS");
            };
        }

        /**
         * The XPath for XPATH and TEXT segments, written from the document root ({@code //...}); engines make it
         * relative when it is searched inside a previous match.
         */
        public String xpath() {
            return switch (kind) {
                case XPATH -> expression;
                // The deepest element whose whole text, whitespace folded, is the wanted text.
                case TEXT -> "//*[normalize-space(.)=" + xpathLiteral(expression) + " and not(.//*[normalize-space(.)="
                        + xpathLiteral(expression) + "])]";
                default -> throw new IllegalStateException(kind + " is not XPath");
            };
        }

        public boolean isCss() {
            return kind == Kind.CSS || kind == Kind.TEST_ID;
        }

        @Override
        public String toString() {
            String base = switch (kind) {
                case CSS -> "css '" + expression + "'";
                case XPATH -> "xpath '" + expression + "'";
                case TEST_ID -> "testId '" + expression + "'";
                case TEXT -> "text '" + expression + "'";
            };
            return index == null ? base : base + " [" + index + "]";
        }
    }

    private final List<Segment> segments;

    private Locator(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** Elements matching a CSS selector, e.g. {@code Locator.css("nav a.category")}. */
    public static Locator css(String selector) {
        return of(Kind.CSS, selector);
    }

    /** Elements matching an XPath expression, e.g. {@code Locator.xpath("//button[@type='submit']")}. */
    public static Locator xpath(String expression) {
        return of(Kind.XPATH, expression);
    }

    /** Elements whose {@code data-testid} attribute is exactly {@code id}. */
    public static Locator testId(String id) {
        return of(Kind.TEST_ID, id);
    }

    /** The innermost elements whose visible text, whitespace folded, is exactly {@code text}. */
    public static Locator text(String text) {
        return of(Kind.TEXT, text);
    }

    private static Locator of(Kind kind, String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException(kind.name().toLowerCase().replace('_', ' ') + " locator must not be blank");
        }
        String wrong = kind == Kind.CSS ? LocatorCheck.css(expression) : kind == Kind.XPATH ? LocatorCheck.xpath(expression) : null;
        if (wrong != null) {
            throw new IllegalArgumentException(wrong + ": \"" + expression + "\"");
        }
        return new Locator(List.of(new Segment(kind, expression, null)));
    }

    /** The {@code index}th match (0 is the first) of this locator. */
    public Locator nth(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("locator index must be 0 or more: " + index);
        }
        List<Segment> copy = new ArrayList<>(segments);
        Segment last = copy.remove(copy.size() - 1);
        copy.add(new Segment(last.kind(), last.expression(), index));
        return new Locator(copy);
    }

    /** The first match of this locator. */
    public Locator first() {
        return nth(0);
    }

    /** Matches of {@code inner} inside any match of this locator. */
    public Locator find(Locator inner) {
        Objects.requireNonNull(inner, "inner locator");
        List<Segment> joined = new ArrayList<>(segments);
        joined.addAll(inner.segments);
        return new Locator(joined);
    }

    public List<Segment> segments() {
        return segments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Locator other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** Reads like the locator was written: {@code testId 'product-card' [2] >> testId 'product-price'}. */
    @Override
    public String toString() {
        return segments.stream().map(Segment::toString).collect(Collectors.joining(" >> "));
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }
}
