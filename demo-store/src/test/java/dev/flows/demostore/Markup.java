package dev.flows.demostore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the hooks out of the shop's HTML the way a test author would look at it: by data-testid. */
final class Markup {

    private Markup() {
    }

    static int count(String html, String testId) {
        Matcher m = Pattern.compile("data-testid=\"" + Pattern.quote(testId) + "\"").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static boolean has(String html, String testId) {
        return count(html, testId) > 0;
    }

    /** The text directly inside the first element with that test id (no nested tags expected). */
    static String text(String html, String testId) {
        List<String> all = texts(html, testId);
        if (all.isEmpty()) {
            throw new AssertionError("no element with data-testid=\"" + testId + "\" in:\n" + html);
        }
        return all.get(0);
    }

    static List<String> texts(String html, String testId) {
        Matcher m = Pattern.compile("<[a-z0-9]+\\b[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>([^<]*)<").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").strip());
        }
        return out;
    }

    /** The values of {@code attribute} on every element with that test id, in document order. */
    static List<String> attributes(String html, String testId, String attribute) {
        Matcher m = Pattern.compile("<[a-z0-9]+\\b[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>").matcher(html);
        Pattern attr = Pattern.compile("\\b" + Pattern.quote(attribute) + "=\"([^\"]*)\"");
        List<String> out = new ArrayList<>();
        while (m.find()) {
            Matcher a = attr.matcher(m.group());
            out.add(a.find() ? a.group(1) : null);
        }
        return out;
    }

    /** The start tag of the first element with that test id. */
    static String tag(String html, String testId) {
        Matcher m = Pattern.compile("<[a-z0-9]+\\b[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element with data-testid=\"" + testId + "\"");
        }
        return m.group();
    }
}
