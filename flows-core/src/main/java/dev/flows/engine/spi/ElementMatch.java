package dev.flows.engine.spi;

import dev.flows.browser.ElementState;

import java.util.HashMap;
import java.util.Map;

/**
 * What a locator found at one moment.
 *
 * @param count   how many elements matched
 * @param state   the state of the element asked for, or null when there is none at that index
 * @param loading the page has not finished its DOMContentLoaded handlers yet: its scripts may not have wired up its
 *                controls, so an action waits
 */
public record ElementMatch(int count, ElementState state, boolean loading) {

    public static final ElementMatch NONE = new ElementMatch(0, null, false);

    /** Reads the result of {@link PageScripts#ELEMENT_STATE} as either engine returns it. */
    public static ElementMatch fromScript(Object result) {
        if (!(result instanceof Map<?, ?> map)) {
            throw new IllegalStateException("element state script returned " + result);
        }
        int count = ((Number) map.get("count")).intValue();
        boolean loading = Boolean.TRUE.equals(map.get("loading"));
        if (!map.containsKey("tag")) {
            return new ElementMatch(count, null, loading);
        }
        Map<String, String> attributes = new HashMap<>();
        if (map.get("attributes") instanceof Map<?, ?> attrs) {
            attrs.forEach((k, v) -> attributes.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        Object value = map.get("value");
        return new ElementMatch(count, new ElementState(String.valueOf(map.get("tag")), Boolean.TRUE.equals(map.get("visible")),
                Boolean.TRUE.equals(map.get("enabled")), Boolean.TRUE.equals(map.get("editable")),
                String.valueOf(map.get("text")), value == null ? null : String.valueOf(value), attributes), loading);
    }
}
