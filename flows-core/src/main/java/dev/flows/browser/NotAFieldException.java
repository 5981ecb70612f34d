package dev.flows.browser;

/**
 * A fill found its element, and it takes no typing: not an {@code <input>}, a {@code <textarea>} or a
 * contenteditable element. Thrown at once, as Playwright's own fill does, instead of waiting for the element to
 * become editable, which it never will.
 */
public final class NotAFieldException extends BrowserException {

    private final String tag;

    public NotAFieldException(Locator locator, String tag, String pageUrl, String engine) {
        super("cannot fill " + locator + ": it is a <" + tag + ">, not an <input>, a <textarea> or a contenteditable "
                + "element\n  page:   " + pageUrl + "\n  engine: " + engine);
        this.tag = tag;
    }

    /** The lower-case tag name of the element found ("button", "div"). */
    public String tag() {
        return tag;
    }
}
