package dev.flows.browser;

import java.util.Map;

/**
 * What one element looked like at one moment: read in a single round trip by the same script on every engine,
 * so that a condition sees the same facts on Playwright and on Selenium.
 *
 * @param tag        lower-case tag name
 * @param visible    rendered with a non-empty box and not hidden by CSS
 * @param enabled    not disabled (itself or by a disabled fieldset)
 * @param editable   a form field that accepts typing (enabled and not read-only)
 * @param text       the rendered text ({@code innerText}), whitespace folded
 * @param value      the form value, or null when the element has none
 * @param attributes every attribute and its value
 */
public record ElementState(String tag, boolean visible, boolean enabled, boolean editable, String text, String value,
                           Map<String, String> attributes) {

    public ElementState {
        text = fold(text);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** {@code text} with every run of whitespace (non-breaking spaces too) as one space, trimmed: how texts compare. */
    public static String fold(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u00a0]+", " ").trim();
    }
}
