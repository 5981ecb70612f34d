package dev.flows.browser;

import java.time.Duration;

/**
 * One element on a page, found afresh every time it is used. Actions wait until it is there, visible and
 * enabled; {@code should} waits until every condition holds. A locator that matches several elements is an
 * error (use {@link Locator#first()} or {@link Locator#nth(int)}), so a journey never acts on one by chance.
 *
 * <pre>{@code
 * page.find(Locator.testId("quantity")).fill("2");
 * page.find(Locator.testId("add-to-cart")).click();
 * page.find(Locator.testId("cart-count")).should(Condition.exactText("2"));
 * }</pre>
 */
public interface Element {

    Locator locator();

    Element click();

    /**
     * Replaces the field's value, as typing would. Waits until the field is visible and editable; an element that
     * is no field (not an {@code <input>}, a {@code <textarea>} or contenteditable) fails at once with
     * {@link NotAFieldException}.
     */
    Element fill(String text);

    /** Chooses the option of a {@code <select>} whose value, or else whose label, is {@code option}. */
    Element select(String option);

    /** The rendered text, whitespace folded; waits until the element is there. */
    String text();

    /** The form value; waits until the element is there. */
    String value();

    /** The attribute's value, or null when it has none; waits until the element is there. */
    String attribute(String name);

    /** The lower-case tag name ("select", "button"); waits until the element is there. */
    default String tagName() {
        throw new UnsupportedOperationException("this element cannot tell its tag name");
    }

    /** Whether it is on the page now (no waiting). */
    boolean exists();

    /** Whether it is on the page and visible now (no waiting). */
    boolean isVisible();

    /** Waits, up to the page's timeout, until every condition holds. */
    Element should(Condition... conditions);

    /** Waits, up to {@code timeout}, until {@code condition} holds. */
    Element should(Condition condition, Duration timeout);

    /** The one element {@code inner} matches inside this one. */
    Element find(Locator inner);

    /** Every element {@code inner} matches inside this one. */
    Elements findAll(Locator inner);
}
