package dev.flows.browser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Locators with a syntax error are refused where they are written, with the reason and the expression. */
class LocatorCheckTest {

    @Test
    void aBrokenXPathIsRefusedWhenTheLocatorIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Locator.xpath("//["));
        assertEquals("not a valid XPath", e.getMessage().substring(0, "not a valid XPath".length()));
        assertEquals(true, e.getMessage().endsWith(": \"//[\""), e.getMessage());
    }

    @Test
    void aBrokenCssSelectorIsRefusedWhenTheLocatorIsMade() {
        assertEquals("not a valid CSS selector: '[' inside an attribute selector: \"div[[\"",
                assertThrows(IllegalArgumentException.class, () -> Locator.css("div[[")).getMessage());
        assertEquals("not a valid CSS selector: '[' is not closed: \"a[href\"",
                assertThrows(IllegalArgumentException.class, () -> Locator.css("a[href")).getMessage());
        assertEquals("not a valid CSS selector: it ends with '>': \"ul >\"",
                assertThrows(IllegalArgumentException.class, () -> Locator.css("ul >")).getMessage());
        assertEquals("not a valid CSS selector: a quote (') is not closed: \"[data-x='a]\"",
                assertThrows(IllegalArgumentException.class, () -> Locator.css("[data-x='a]")).getMessage());
    }

    @Test
    void wellFormedSelectorsPass() {
        Locator.css("[data-testid='product-card'][data-stock='in']");
        Locator.css(".product__info [data-testid='product-price'], a:not(.x) > b ~ c + d");
        Locator.css("a[title=\"x]y\"]");
        Locator.xpath("//iframe[@title='card']");
        Locator.xpath("//button[contains(normalize-space(.), 'Add')]");
    }
}
