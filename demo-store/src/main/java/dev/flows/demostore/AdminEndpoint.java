package dev.flows.demostore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import dev.flows.demostore.fault.Fault;
import dev.flows.demostore.fault.RoutePattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /__admin/*}: the same fault switches as {@link Faults}, for a process outside the JVM, guarded by the
 * {@code X-Admin-Token} header.
 *
 * <p>While an instance is down nothing listens, this endpoint included; so {@code {"kind":"down"}} takes an
 * optional {@code forMs} after which the instance comes up by itself. Without it, only {@link Faults#up()} (Java)
 * brings it back.
 */
final class AdminEndpoint {

    static final String TOKEN_HEADER = "X-Admin-Token";
    static final List<String> KINDS = List.of("latency", "serverError", "hideElement", "scriptError", "lateElement",
            "status", "wrongProductLink", "deadAddToCart", "listingPrice", "slowListing", "dialog", "brokenImages", "droppingField",
            "thirdPartyScript", "someServerErrors", "reprice", "down", "up", "staleCatalogue", "clear");

    private final byte[] token;
    private final Faults faults;
    private final OrderBook orders;
    private final ObjectMapper json;
    private final ScheduledExecutorService timer;

    AdminEndpoint(String token, Faults faults, OrderBook orders, ObjectMapper json, ScheduledExecutorService timer) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.faults = faults;
        this.orders = orders;
        this.json = json;
        this.timer = timer;
    }

    /** The request headers as recorded in the request log: the admin token never reaches a log. */
    static Map<String, List<String>> redacted(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, name.equalsIgnoreCase(TOKEN_HEADER) ? List.of("<redacted>") : values));
        return copy;
    }

    Response answer(Visit v) {
        // Constant-time comparison: the token guards fault injection on a shared machine.
        if (!MessageDigest.isEqual(token, v.header(TOKEN_HEADER).getBytes(StandardCharsets.UTF_8))) {
            return error(403, "missing or wrong " + TOKEN_HEADER + " header");
        }
        return switch (v.method() + " " + v.path()) {
            case "GET /__admin/faults" -> state();
            case "DELETE /__admin/faults" -> {
                faults.clear();
                yield state();
            }
            case "POST /__admin/faults" -> apply(v);
            case "GET /__admin/orders" -> ordersJson();
            default -> error(404, "no admin route " + v.method() + " " + v.path()
                    + " (GET|POST|DELETE /__admin/faults, GET /__admin/orders)");
        };
    }

    private Response apply(Visit v) {
        JsonNode body;
        try {
            body = json.readTree(v.bodyText());
        } catch (IOException e) {
            return error(400, "request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            return error(400, "request body must be a JSON object with a \"kind\"");
        }
        String kind = body.path("kind").asText("");
        try {
            switch (kind) {
                case "latency" -> faults.add(new Fault.Latency(route(body), millis(body, "fixedMs"), millis(body, "jitterMs")));
                case "serverError" -> faults.add(new Fault.ServerError(route(body)));
                case "someServerErrors" -> faults.add(new Fault.SomeServerErrors(route(body), body.path("fraction").asDouble(0)));
                case "reprice" -> faults.reprice(body.path("product").asText(""), body.path("percent").asInt(100));
                case "hideElement" -> faults.add(new Fault.HiddenElement(route(body), body.path("testId").asText("")));
                case "scriptError" -> faults.add(new Fault.ScriptError(route(body), body.path("message").asText("")));
                case "lateElement" -> faults.add(new Fault.LateElement(route(body), body.path("testId").asText(""), millis(body, "delayMs")));
                case "status" -> faults.add(new Fault.Status(route(body), body.path("status").asInt(0)));
                case "wrongProductLink" -> faults.add(new Fault.WrongProductLink(body.path("product").asText("")));
                case "deadAddToCart" -> faults.add(new Fault.DeadAddToCart(body.path("product").asText("")));
                case "listingPrice" -> faults.add(new Fault.ListingPrice(body.path("percent").asInt(0)));
                case "slowListing" -> faults.add(new Fault.SlowListing(millis(body, "delayMs")));
                case "dialog" -> faults.add(new Fault.Dialog(route(body), body.path("testId").asText(""), body.path("message").asText("")));
                case "brokenImages" -> faults.add(new Fault.BrokenImages(route(body)));
                case "droppingField" -> faults.add(new Fault.DroppingField(route(body), body.path("testId").asText("")));
                case "thirdPartyScript" -> faults.add(new Fault.ThirdPartyScript(route(body), java.net.URI.create(body.path("src").asText(""))));
                case "staleCatalogue" -> faults.staleCatalogue(body.path("stale").asBoolean(true));
                case "clear" -> faults.clear();
                case "up" -> faults.up();
                case "down" -> {
                    Duration outage = body.has("forMs") ? millis(body, "forMs") : null;
                    if (outage != null && outage.isNegative()) {
                        throw new IllegalArgumentException("forMs must not be negative: " + outage.toMillis());
                    }
                    // Going down closes every connection, this one too: answer first, then stop listening.
                    v.afterResponse(() -> {
                        faults.down();
                        if (outage != null) {
                            timer.schedule(faults::up, outage.toMillis(), TimeUnit.MILLISECONDS);
                        }
                    });
                    return state(true);
                }
                default -> throw new IllegalArgumentException("unknown fault kind: \"" + kind + "\" (one of " + String.join(", ", KINDS) + ")");
            }
        } catch (IllegalArgumentException bad) {
            return error(400, bad.getMessage());
        }
        return state();
    }

    private static RoutePattern route(JsonNode body) {
        return RoutePattern.of(body.path("route").asText(""));
    }

    private static Duration millis(JsonNode body, String field) {
        JsonNode n = body.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return Duration.ZERO;
        }
        if (!n.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number of milliseconds: " + n);
        }
        return Duration.ofMillis(n.asLong());
    }

    private Response state() {
        return state(faults.isDown());
    }

    /** @param down whether to report the instance down (a requested outage starts right after this response) */
    private Response state(boolean down) {
        List<Map<String, Object>> active = new ArrayList<>();
        for (Fault f : faults.active()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind());
            m.put("route", f.route().glob());
            if (f instanceof Fault.Latency l) {
                m.put("fixedMs", l.fixed().toMillis());
                m.put("jitterMs", l.jitter().toMillis());
            } else if (f instanceof Fault.SomeServerErrors some) {
                m.put("fraction", some.fraction());
            } else if (f instanceof Fault.HiddenElement h) {
                m.put("testId", h.testId());
            } else if (f instanceof Fault.ScriptError s) {
                m.put("message", s.message());
            } else if (f instanceof Fault.Status st) {
                m.put("status", st.status());
            } else if (f instanceof Fault.WrongProductLink w) {
                m.put("product", w.productId());
            } else if (f instanceof Fault.DeadAddToCart d) {
                m.put("product", d.productId());
            } else if (f instanceof Fault.ListingPrice lp) {
                m.put("percent", lp.percent());
            } else if (f instanceof Fault.SlowListing sl) {
                m.put("delayMs", sl.delay().toMillis());
            } else if (f instanceof Fault.Dialog d) {
                m.put("testId", d.testId());
                m.put("message", d.message());
            } else if (f instanceof Fault.ThirdPartyScript t) {
                m.put("src", t.src().toString());
            } else if (f instanceof Fault.DroppingField d) {
                m.put("testId", d.testId());
            } else if (f instanceof Fault.LateElement l) {
                m.put("testId", l.testId());
                m.put("delayMs", l.delay().toMillis());
            }
            active.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", active);
        body.put("down", down);
        body.put("staleCatalogue", faults.isStaleCatalogue());
        body.put("repriced", faults.repriced());
        return Response.json(200, write(body));
    }

    private Response ordersJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Order o : orders.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", o.number());
            m.put("email", o.email());
            m.put("total", o.total().toString());
            m.put("totalCents", o.total().cents());
            m.put("placedAt", o.placedAt().toString());
            List<Map<String, Object>> lines = new ArrayList<>();
            for (OrderLine l : o.lines()) {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("productId", l.productId());
                lm.put("name", l.name());
                lm.put("variant", l.variant());
                lm.put("quantity", l.quantity());
                lm.put("lineTotal", l.lineTotal().toString());
                lines.add(lm);
            }
            m.put("lines", lines);
            list.add(m);
        }
        return Response.json(200, write(Map.of("orders", list)));
    }

    private Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        return Response.json(status, write(body));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
