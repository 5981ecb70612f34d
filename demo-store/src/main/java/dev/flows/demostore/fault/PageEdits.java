package dev.flows.demostore.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies the page-level faults (hidden, late and script errors) to a rendered HTML page.
 *
 * <p>This works on the shop's own markup, which is well formed and escapes {@code <}, {@code >} and quotes in
 * attribute values, so finding an element by its {@code data-testid} and its closing tag is a simple scan rather
 * than a full HTML parser.
 */
public final class PageEdits {

    private static final Set<String> VOID_ELEMENTS = Set.of("input", "img", "br", "hr", "meta", "link", "source");

    private PageEdits() {
    }

    /** The page with every fault in {@code faults} that concerns pages applied, in the order given. */
    public static String apply(String html, List<Fault> faults) {
        String page = html;
        List<String> scripts = new ArrayList<>();
        int late = 0;
        for (Fault fault : faults) {
            if (fault instanceof Fault.HiddenElement hidden) {
                page = remove(page, hidden.testId());
            } else if (fault instanceof Fault.LateElement lateElement) {
                List<Span> spans = find(page, lateElement.testId());
                StringBuilder out = new StringBuilder();
                int from = 0;
                for (Span span : spans) {
                    String id = "late-" + late++;
                    out.append(page, from, span.start())
                            .append("<template data-flows-late=\"").append(id).append("\"></template>");
                    scripts.add(insertLater(id, page.substring(span.start(), span.end()), lateElement.delay()));
                    from = span.end();
                }
                page = out.append(page.substring(from)).toString();
            } else if (fault instanceof Fault.ScriptError error) {
                scripts.add("<script>throw new Error(" + jsString(error.message()) + ");</script>");
            } else if (fault instanceof Fault.Dialog dialog) {
                scripts.add("<script>" + dialogScript(dialog) + "</script>");
            } else if (fault instanceof Fault.DroppingField dropping) {
                scripts.add("<script>" + droppingScript(dropping.testId()) + "</script>");
            } else if (fault instanceof Fault.ThirdPartyScript third) {
                scripts.add("<script src=\"" + third.src().toASCIIString().replace("&", "&amp;") + "\"></script>");
            } else if (fault instanceof Fault.BrokenImages) {
                page = page.replaceAll("(<a class=\"card__media\" href=\"/product/([a-z0-9-]+)\"[^>]*>)",
                        "$1<img class=\"card__img\" src=\"/static/img/missing/$2.svg\" alt=\"\">")
                        .replace("<div class=\"product__media\">",
                                "<div class=\"product__media\"><img class=\"product__img\" src=\"/static/img/missing/product.svg\" alt=\"\">");
            }
        }
        if (scripts.isEmpty()) {
            return page;
        }
        int bodyEnd = page.lastIndexOf("</body>");
        String injected = String.join("\n", scripts) + "\n";
        return bodyEnd < 0 ? page + injected : page.substring(0, bodyEnd) + injected + page.substring(bodyEnd);
    }

    /** The CSS selector of a test id on either shape ({@code data-testid} or {@code data-test}). */
    public static String selector(String testId) {
        return "[data-testid=\"" + testId + "\"],[data-test=\"" + testId + "\"]";
    }

    /**
     * An {@code alert} when the element is used: a change for form fields, a click for anything else. Listening in
     * the capture phase puts the dialog before the shop's own handler, as a stray {@code alert} in shop code would.
     */
    public static String dialogScript(Fault.Dialog dialog) {
        return "(function () { var sel = " + jsString(selector(dialog.testId())) + ", msg = " + jsString(dialog.message()) + ";"
                + " function on(e) { var t = e.target && e.target.closest ? e.target.closest(sel) : null; if (!t) return;"
                + " var field = /^(SELECT|INPUT|TEXTAREA)$/.test(t.tagName); if ((e.type === 'change') === field) alert(msg); }"
                + " document.addEventListener('change', on, true); document.addEventListener('click', on, true); })();";
    }

    /** Empties the field on every keystroke, synchronously, so that no check can see the typed text in between. */
    public static String droppingScript(String testId) {
        return "(function () { var sel = " + jsString(selector(testId)) + ";"
                + " document.addEventListener('input', function (e) { if (e.target && e.target.matches && e.target.matches(sel)) { e.target.value = ''; } }, true); })();";
    }

    /** The page without the elements that carry {@code data-testid="testId"} (and their content). */
    public static String remove(String html, String testId) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Span span : find(html, testId)) {
            out.append(html, from, span.start());
            from = span.end();
        }
        return out.append(html.substring(from)).toString();
    }

    /**
     * The element travels inside a JavaScript string with {@code <}, {@code >} and quotes escaped, so the served
     * HTML contains no {@code data-testid="..."} for it: a test that reads the initial HTML does not see it.
     */
    private static String insertLater(String id, String elementHtml, Duration delay) {
        return "<script>setTimeout(function () {"
                + " var slot = document.querySelector('template[data-flows-late=\"" + id + "\"]');"
                + " if (slot) { slot.insertAdjacentHTML('beforebegin', " + jsString(elementHtml) + "); slot.remove(); }"
                + " }, " + delay.toMillis() + ");</script>";
    }

    static String jsString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\u0022");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\'' -> out.append("\\u0027");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private record Span(int start, int end) {
    }

    /** Outermost elements carrying the test id, in document order, not overlapping. */
    private static List<Span> find(String html, String testId) {
        String marker = "data-testid=\"" + testId + "\"";
        List<Span> spans = new ArrayList<>();
        int at = html.indexOf(marker);
        while (at >= 0) {
            int start = html.lastIndexOf('<', at);
            int end = elementEnd(html, start);
            spans.add(new Span(start, end));
            at = html.indexOf(marker, end);
        }
        return spans;
    }

    private static int elementEnd(String html, int start) {
        int nameEnd = start + 1;
        while (nameEnd < html.length() && Character.isLetterOrDigit(html.charAt(nameEnd))) {
            nameEnd++;
        }
        String tag = html.substring(start + 1, nameEnd).toLowerCase(java.util.Locale.ROOT);
        int startTagEnd = html.indexOf('>', start) + 1;
        if (VOID_ELEMENTS.contains(tag) || html.charAt(startTagEnd - 2) == '/') {
            return startTagEnd;
        }
        int depth = 1;
        int i = startTagEnd;
        String open = "<" + tag;
        String close = "</" + tag + ">";
        while (depth > 0) {
            int nextOpen = indexOfTag(html, open, i);
            int nextClose = html.indexOf(close, i);
            if (nextClose < 0) {
                return html.length();
            }
            if (nextOpen >= 0 && nextOpen < nextClose) {
                depth++;
                i = nextOpen + open.length();
            } else {
                depth--;
                i = nextClose + close.length();
            }
        }
        return i;
    }

    /** Finds {@code <tag} only when followed by a space or {@code >}, so {@code <a} does not match {@code <article}. */
    private static int indexOfTag(String html, String open, int from) {
        int i = html.indexOf(open, from);
        while (i >= 0) {
            char after = i + open.length() < html.length() ? html.charAt(i + open.length()) : '>';
            if (after == ' ' || after == '>' || after == '\n') {
                return i;
            }
            i = html.indexOf(open, i + 1);
        }
        return -1;
    }
}
