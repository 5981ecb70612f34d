package dev.flows.browser;

/**
 * A request the page made that did not succeed: an HTTP status of 400 or more, or no response at all.
 *
 * @param method HTTP method
 * @param url    the requested URL
 * @param status the HTTP status, or 0 when no response arrived
 * @param error  the network error ("net::ERR_CONNECTION_REFUSED") or the status text
 */
public record FailedRequest(String method, String url, int status, String error) {

    @Override
    public String toString() {
        return method + " " + url + " -> " + (status == 0 ? error : status + (error == null || error.isBlank() ? "" : " " + error));
    }
}
