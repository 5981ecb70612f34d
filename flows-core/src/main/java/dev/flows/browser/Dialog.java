package dev.flows.browser;

/**
 * A JavaScript dialog ({@code alert}, {@code confirm}, {@code prompt}) that a page opened. Engines accept it, as a
 * shopper clicking OK would, and record it so that a run can say what the shopper saw.
 *
 * @param type    "alert", "confirm" or "prompt" ("beforeunload" on Playwright)
 * @param message the dialog's text
 * @param url     the page that opened it
 */
public record Dialog(String type, String message, String url) {

    public Dialog {
        type = type == null ? "alert" : type;
        message = message == null ? "" : message;
        url = url == null ? "" : url;
    }

    /** {@code alert 'Sorting failed'}. */
    @Override
    public String toString() {
        return type + " '" + message + "'";
    }
}
