package dev.flows.dsl.profile;

import dev.flows.browser.Locator;

/**
 * Locators as profiles write them: {@code testId:add-to-cart}, {@code css:button.buy}, {@code xpath://button},
 * {@code text:Add to cart}, chained with {@code " >> "} ({@code testId:cart-line >> testId:line-name}).
 */
final class LocatorSyntax {

    private LocatorSyntax() {
    }

    static Locator parse(String text) {
        Locator locator = null;
        String[] parts = text.split(">>", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("locator chain has an empty part (write a >> b): \"" + text + "\"");
            }
        }
        for (String part : text.split(" >> ")) {
            Locator segment = segment(part.strip(), text);
            locator = locator == null ? segment : locator.find(segment);
        }
        return locator;
    }

    private static Locator segment(String part, String whole) {
        int colon = part.indexOf(':');
        String kind = colon < 0 ? "" : part.substring(0, colon);
        String expression = colon < 0 ? "" : part.substring(colon + 1).strip();
        if (expression.isEmpty() && colon >= 0) {
            throw new IllegalArgumentException("locator has nothing after '" + kind + ":': \"" + whole + "\"");
        }
        return switch (kind) {
            case "testId" -> Locator.testId(expression);
            case "css" -> Locator.css(expression);
            case "xpath" -> Locator.xpath(expression);
            case "text" -> Locator.text(expression);
            default -> throw new IllegalArgumentException("locator must start with testId:, css:, xpath: or text: \"" + whole + "\"");
        };
    }
}
