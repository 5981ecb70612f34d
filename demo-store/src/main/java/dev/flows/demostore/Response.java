package dev.flows.demostore;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers; the instance header and cookies are added when it is written. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    Response {
        headers = Map.copyOf(headers);
    }

    static Response html(int status, String page) {
        return new Response(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"));
    }

    static Response json(int status, String json) {
        return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"));
    }

    /** 303 See Other: the browser follows with a GET, so a reload never re-posts a form. */
    static Response redirect(String location) {
        return new Response(303, "text/plain; charset=utf-8", new byte[0], Map.of("Location", location));
    }

    static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    boolean isHtml() {
        return contentType.startsWith("text/html");
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    Response withBody(String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), headers);
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }
}
