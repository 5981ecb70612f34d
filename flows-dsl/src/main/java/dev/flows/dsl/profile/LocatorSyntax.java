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
        return parse(text, StorefrontProfile.DEFAULT_TEST_ID_ATTRIBUTE);
    }

    /** Parses with {@code testId:} meaning the attribute {@code testIdAttribute} ({@code data-test}, {@code data-qa}...). */
    static Locator parse(String text, String testIdAttribute) {
        Locator locator = null;
        String[] parts = text.split(">>", -1);
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("locator chain has an empty part (write a >> b): \"" + text + "\"");
            }
        }
        for (String part : text.split(" >> ")) {
            Locator segment = segment(part.strip(), text, testIdAttribute);
            locator = locator == null ? segment : locator.find(segment);
        }
        return locator;
    }

    private static Locator segment(String part, String whole, String testIdAttribute) {
        int colon = part.indexOf(':');
        String kind = colon < 0 ? "" : part.substring(0, colon);
        String expression = colon < 0 ? "" : part.substring(colon + 1).strip();
        if (expression.isEmpty() && colon >= 0) {
            throw new IllegalArgumentException("locator has nothing after '" + kind + ":': \"" + whole + "\"");
        }
        return switch (kind) {
            case "testId" -> testIdAttribute.equals(StorefrontProfile.DEFAULT_TEST_ID_ATTRIBUTE) ? Locator.testId(expression)
                    : Locator.css("[" + testIdAttribute + "=\"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
            case "css" -> Locator.css(expression);
            case "xpath" -> Locator.xpath(expression);
            case "text" -> Locator.text(expression);
            default -> throw new IllegalArgumentException("locator must start with testId:, css:, xpath: or text: \"" + whole + "\"");
        };
    }
}
