package dev.flows.browser;

/**
 * An action needs exactly one element and the locator matched several: acting on an arbitrary one would make
 * a journey pass or fail by chance.
 */
public final class AmbiguousLocatorException extends BrowserException {

    public AmbiguousLocatorException(Locator locator, int count, String action, String pageUrl, String engine) {
        super(locator + " matched " + count + " elements, but " + action + " needs one: use .first(), .nth(i) or a "
                + "narrower locator\n  page:   " + pageUrl + "\n  engine: " + engine);
    }
}
