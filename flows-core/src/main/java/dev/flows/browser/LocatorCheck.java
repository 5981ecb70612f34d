package dev.flows.browser;

import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

/**
 * Syntax checks of locator expressions, so that a typo fails where the locator is written (a profile loading, a
 * journey being built) and not as a shop failure at run time. XPath is compiled by the JDK's XPath 1.0 compiler,
 * the language browsers speak; CSS gets a structural check (brackets, parentheses and quotes balanced, no
 * dangling combinator or empty compound), since the JDK has no CSS parser.
 */
final class LocatorCheck {

    private LocatorCheck() {
    }

    /** Null when {@code xpath} compiles, else why not. */
    static String xpath(String xpath) {
        try {
            // A fresh XPath per call: XPath objects are not thread-safe, and this runs while journeys are built.
            XPathFactory.newInstance().newXPath().compile(xpath);
            return null;
        } catch (XPathExpressionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause.getMessage() == null ? "" : ": " + Messages.firstLine(cause.getMessage());
            return "not a valid XPath" + why;
        }
    }

    /** Null when {@code css} looks like a well-formed selector list, else why not. */
    static String css(String css) {
        String s = css.strip();
        int square = 0;
        int round = 0;
        char quote = 0;
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\\' -> i++;
                case '"', '\'' -> quote = c;
                case '[' -> {
                    if (square > 0) {
                        return "not a valid CSS selector: '[' inside an attribute selector";
                    }
                    square++;
                }
                case ']' -> {
                    if (--square < 0) {
                        return "not a valid CSS selector: ']' without '['";
                    }
                }
                case '(' -> round++;
                case ')' -> {
                    if (--round < 0) {
                        return "not a valid CSS selector: ')' without '('";
                    }
                }
                case '{', '}', ';' -> {
                    if (square == 0 && round == 0) {
                        return "not a valid CSS selector: '" + c + "' is not allowed";
                    }
                }
                default -> {
                }
            }
            if (!Character.isWhitespace(c)) {
                last = c;
            }
        }
        if (quote != 0) {
            return "not a valid CSS selector: a quote (" + quote + ") is not closed";
        }
        if (square != 0) {
            return "not a valid CSS selector: '[' is not closed";
        }
        if (round != 0) {
            return "not a valid CSS selector: '(' is not closed";
        }
        if (last == '>' || last == '+' || last == '~' || last == ',') {
            return "not a valid CSS selector: it ends with '" + last + "'";
        }
        char first = s.charAt(0);
        if (first == '>' || first == '+' || first == '~' || first == ',') {
            return "not a valid CSS selector: it starts with '" + first + "'";
        }
        if (s.matches(".*,\\s*,.*")) {
            return "not a valid CSS selector: an empty selector between commas";
        }
        return null;
    }
}
