package dev.flows.browser;

import java.time.Duration;
import java.util.List;

/**
 * Every element a locator matches, found afresh every time.
 *
 * <pre>{@code
 * Elements cards = page.findAll(Locator.testId("product-card"));
 * cards.shouldHaveSize(8);
 * cards.get(0).find(Locator.testId("product-name")).click();
 * }</pre>
 */
public interface Elements {

    Locator locator();

    /** How many match now (no waiting). */
    int count();

    /** The rendered texts of all matches now, whitespace folded (no waiting). */
    List<String> texts();

    /** The {@code index}th match (0 is the first). */
    Element get(int index);

    default Element first() {
        return get(0);
    }

    /** Waits, up to the page's timeout, until exactly {@code size} elements match. */
    Elements shouldHaveSize(int size);

    /** Waits, up to the page's timeout, until at least {@code size} elements match. */
    Elements shouldHaveSizeAtLeast(int size);

    /** Waits, up to {@code timeout}, until exactly {@code size} elements match. */
    Elements shouldHaveSize(int size, Duration timeout);
}
