package dev.flows.config;

/**
 * A configuration that cannot be used. The message is one line that names the file, line and key, or the
 * override, and what is wrong with it: {@code flows.yaml:7:5: sites[0].prodution: unknown key (expected one of
 * name, url, role, production, headers, credentials)}.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
