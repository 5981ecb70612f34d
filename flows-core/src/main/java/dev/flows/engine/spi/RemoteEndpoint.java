package dev.flows.engine.spi;

import java.net.URI;

/**
 * A remote browser endpoint as it may appear in descriptions and error messages. Grid and Playwright providers
 * put credentials in the user part or the query ({@code wss://user:key@hub/…}, {@code ?token=…}), so both are
 * masked; scheme, host, port and path stay, since they are what a reader needs to find the server.
 */
public final class RemoteEndpoint {

    private RemoteEndpoint() {
    }

    /** "http://127.0.0.1:4444/wd/hub", "wss://****@cloud.example/?****". */
    public static String shown(URI endpoint) {
        StringBuilder out = new StringBuilder(String.valueOf(endpoint.getScheme())).append("://");
        if (endpoint.getRawUserInfo() != null) {
            out.append("****@");
        }
        out.append(endpoint.getHost() == null ? String.valueOf(endpoint.getRawAuthority()).replaceAll("^.*@", "")
                : endpoint.getHost());
        if (endpoint.getPort() >= 0) {
            out.append(':').append(endpoint.getPort());
        }
        out.append(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath());
        if (endpoint.getRawQuery() != null) {
            out.append("?****");
        }
        return out.toString();
    }
}
