package dev.flows.browser;

/** A page could not be opened because the site did not answer: connection refused, unknown host, TLS or DNS error. */
public final class SiteUnreachableException extends BrowserException {

    private final String url;
    private final String reason;

    public SiteUnreachableException(String url, String reason, String engine) {
        super("Site unreachable: " + url + " (" + reason + ") [" + engine + "]");
        this.url = url;
        this.reason = reason;
    }

    public String url() {
        return url;
    }

    /** The browser's word for it, e.g. {@code net::ERR_CONNECTION_REFUSED}. */
    public String reason() {
        return reason;
    }
}
