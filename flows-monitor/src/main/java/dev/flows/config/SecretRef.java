package dev.flows.config;

import java.util.Objects;

/**
 * A secret taken from an environment variable: the configuration names the variable ({@code "${SHOP_PASSWORD}"}),
 * never the secret, and {@link #toString()} never shows the value.
 *
 * @param variable the environment variable's name
 * @param value    its value at load time
 */
public record SecretRef(String variable, String value) {

    public SecretRef {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "${" + variable + "}";
    }
}
