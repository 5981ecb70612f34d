package dev.flows.engine.port;

import dev.flows.browser.*;

import dev.flows.engine.spi.NotActionableException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** {@link Element} that finds itself afresh through the page for every use. */
final class EngineElement implements Element {

    // Found ready, but on a page whose scripts may not have wired it up yet (see ElementMatch#loading).
    private static final String STILL_LOADING = "ready, but the page is still loading (DOMContentLoaded not handled yet)";

    private final EnginePage page;
    private final Locator locator;

    EngineElement(EnginePage page, Locator locator) {
        this.page = page;
        this.locator = locator;
    }

    @Override
    public Locator locator() {
        return locator;
    }

    @Override
    public Element click() {
        page.perform("click " + locator, () -> page.awaitElement(locator, "click", "be clickable (visible and enabled)",
                page.timeouts().waitFor(), true, match -> {
                    ElementState e = match.state();
                    if (e == null || !e.visible() || !e.enabled()) {
                        return Poll.notYet(describe(e));
                    }
                    if (match.loading()) {
                        return Poll.notYet(STILL_LOADING);
                    }
                    try {
                        page.session().click(locator, 0);
                        return Poll.done(null);
                    } catch (NotActionableException notYet) {
                        return Poll.notYet("visible and enabled, but not clickable: " + notYet.getMessage(), notYet);
                    }
                }));
        return this;
    }

    @Override
    public Element fill(String text) {
        Objects.requireNonNull(text, "text to fill");
        page.perform("fill " + locator + " with '" + text + "'", () -> page.awaitElement(locator, "fill",
                "be editable (visible, enabled, not read-only)", page.timeouts().waitFor(), true, match -> {
                    ElementState e = match.state();
                    if (e != null && !e.tag().equals("input") && !e.tag().equals("textarea") && !e.editable()) {
                        throw new NotAFieldException(locator, e.tag(), page.safeUrl(), page.engine());
                    }
                    if (e == null || !e.visible() || !e.editable()) {
                        return Poll.notYet(e != null && e.visible() && !e.editable() ? "not editable" : describe(e));
                    }
                    if (match.loading()) {
                        return Poll.notYet(STILL_LOADING);
                    }
                    try {
                        page.session().fill(locator, 0, text);
                        return Poll.done(null);
                    } catch (NotActionableException notYet) {
                        return Poll.notYet("visible and editable, but not fillable: " + notYet.getMessage(), notYet);
                    }
                }));
        return this;
    }

    @Override
    public Element select(String option) {
        if (option == null || option.isEmpty()) {
            throw new IllegalArgumentException("option to select must not be empty");
        }
        page.perform("select '" + option + "' in " + locator, () -> page.awaitElement(locator, "select",
                "offer option '" + option + "'", page.timeouts().waitFor(), true, match -> {
                    ElementState e = match.state();
                    if (e == null || !e.visible() || !e.enabled()) {
                        return Poll.notYet(describe(e));
                    }
                    if (match.loading()) {
                        return Poll.notYet(STILL_LOADING);
                    }
                    try {
                        page.session().select(locator, 0, option);
                        return Poll.done(null);
                    } catch (NotActionableException notYet) {
                        return Poll.notYet(notYet.getMessage(), notYet);
                    } catch (BrowserException noSuchOption) {
                        // Options may still be loading: keep looking until the timeout, then say what was offered.
                        String m = noSuchOption.getMessage();
                        return Poll.notYet(m.substring(m.indexOf(": ") + 2), noSuchOption);
                    }
                }));
        return this;
    }

    @Override
    public String text() {
        return present().text();
    }

    @Override
    public String value() {
        return present().value();
    }

    @Override
    public String tagName() {
        return present().tag();
    }

    @Override
    public String attribute(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        return present().attributes().get(name);
    }

    private ElementState present() {
        return page.awaitElement(locator, "reading", "be present", page.timeouts().waitFor(), true,
                match -> match.state() == null ? Poll.notYet("no element") : Poll.done(match.state()));
    }

    @Override
    public boolean exists() {
        return page.awaitElement(locator, "exists", "be readable", page.timeouts().waitFor(), false,
                match -> Poll.done(match.count() > 0));
    }

    @Override
    public boolean isVisible() {
        return page.awaitElement(locator, "isVisible", "be readable", page.timeouts().waitFor(), true,
                match -> Poll.done(match.state() != null && match.state().visible()));
    }

    @Override
    public Element should(Condition... conditions) {
        if (conditions == null || conditions.length == 0) {
            throw new IllegalArgumentException("should(...) needs at least one condition");
        }
        return check(Arrays.asList(conditions), page.timeouts().waitFor());
    }

    @Override
    public Element should(Condition condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
        return check(java.util.List.of(condition), timeout);
    }

    private Element check(java.util.List<Condition> conditions, Duration timeout) {
        String expected = conditions.stream().map(Condition::toString).collect(Collectors.joining(" and "));
        page.perform("check " + locator + " should " + expected, () -> page.awaitElement(locator, "should(...)",
                expected, timeout, true, match -> {
                    for (Condition condition : conditions) {
                        if (!condition.test(match.state())) {
                            return Poll.notYet(condition.found(match.state()));
                        }
                    }
                    return Poll.done(null);
                }));
        return this;
    }

    @Override
    public Element find(Locator inner) {
        return new EngineElement(page, locator.find(inner));
    }

    @Override
    public Elements findAll(Locator inner) {
        return new EngineElements(page, locator.find(inner));
    }

    private static String describe(ElementState e) {
        if (e == null) {
            return "no element";
        }
        if (!e.visible()) {
            return "hidden";
        }
        return e.enabled() ? "visible and enabled" : "disabled";
    }

    @Override
    public String toString() {
        return locator.toString();
    }
}
