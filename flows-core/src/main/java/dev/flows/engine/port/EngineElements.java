package dev.flows.engine.port;

import dev.flows.browser.*;

import dev.flows.engine.spi.NotActionableException;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** {@link Elements} that finds its matches afresh through the page for every use. */
final class EngineElements implements Elements {

    private final EnginePage page;
    private final Locator locator;

    EngineElements(EnginePage page, Locator locator) {
        this.page = page;
        this.locator = locator;
    }

    @Override
    public Locator locator() {
        return locator;
    }

    @Override
    public int count() {
        return page.awaitElement(locator, "count", "be countable", page.timeouts().waitFor(), false,
                match -> Poll.done(match.count()));
    }

    @Override
    public List<String> texts() {
        return page.await(locator.toString(), "be readable", page.timeouts().waitFor(), () -> {
            try {
                return Poll.done(page.session().texts(locator).stream().map(ElementState::fold).collect(Collectors.toList()));
            } catch (NotActionableException e) {
                return Poll.notYet("the page was changing", e);
            }
        });
    }

    @Override
    public Element get(int index) {
        return new EngineElement(page, locator.nth(index));
    }

    @Override
    public Elements shouldHaveSize(int size) {
        return shouldHaveSize(size, page.timeouts().waitFor());
    }

    @Override
    public Elements shouldHaveSize(int size, Duration timeout) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more: " + size);
        }
        return size("have " + size + " elements", timeout, count -> count == size);
    }

    @Override
    public Elements shouldHaveSizeAtLeast(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or more: " + size);
        }
        return size("have at least " + size + " elements", page.timeouts().waitFor(), count -> count >= size);
    }

    private Elements size(String expected, Duration timeout, java.util.function.IntPredicate wanted) {
        page.perform("check " + locator + " should " + expected, () -> page.awaitElement(locator, "should(...)",
                expected, timeout, false, match -> wanted.test(match.count())
                        ? Poll.done(null) : Poll.notYet(match.count() + " element" + (match.count() == 1 ? "" : "s"))));
        return this;
    }

    @Override
    public String toString() {
        return locator.toString();
    }
}
