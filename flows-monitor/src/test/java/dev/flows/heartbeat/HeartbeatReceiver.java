package dev.flows.heartbeat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real heartbeat service on 127.0.0.1 for tests: it speaks each service's URL scheme (rejecting what the real one
 * would reject), records every request, and can be told to misbehave (slow, 500, 429 with Retry-After, a small
 * Ping-Body-Limit).
 *
 * <p>Routes: {@code /hc/<uuid>[/start|/fail|/log|/<0-255>]} and {@code /hc/<ping-key>/<slug>[...]},
 * {@code /cronitor/p/<key>/<monitor>}, {@code /kuma/api/push/<token>},
 * {@code /betterstack/api/v1/heartbeat/<token>[/fail|/<code>]}, {@code /hook}.
 */
public final class HeartbeatReceiver implements AutoCloseable {

    /** One request as received. {@code query} is raw (still percent-encoded), exactly as sent. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {

        /** "METHOD /path?query", the request line as the client sent it. */
        public String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            return params;
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern HC = Pattern.compile(
            "/hc/(?:([0-9a-f-]{36})|([A-Za-z0-9_-]{10,})/([a-z0-9-]+))(?:/(start|fail|log|\\d{1,3}))?");
    private static final Pattern CRONITOR = Pattern.compile("/cronitor/p/([A-Za-z0-9]+)/([A-Za-z0-9_.-]+)");
    private static final Pattern KUMA = Pattern.compile("/kuma/api/push/([A-Za-z0-9]+)");
    private static final Pattern BETTER_STACK =
            Pattern.compile("/betterstack/api/v1/heartbeat/([A-Za-z0-9]+)(?:/(fail|\\d{1,3}))?");

    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile Integer bodyLimit;
    private volatile String retryAfter;

    private HeartbeatReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "heartbeat-receiver");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static HeartbeatReceiver start() {
        try {
            return new HeartbeatReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("heartbeat receiver did not start", e);
        }
    }

    /** A URL on a port where nothing listens: bound once, then closed, so connecting is refused. */
    public static String deadUrl(String path) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<String> lines() {
        return requests.stream().map(Request::line).toList();
    }

    /** The next {@code times} requests get {@code status} instead of their normal answer. */
    public HeartbeatReceiver respond(int status, int times) {
        synchronized (statuses) {
            for (int i = 0; i < times; i++) {
                statuses.add(status);
            }
        }
        return this;
    }

    /** Sent with every 429. */
    public HeartbeatReceiver retryAfter(String seconds) {
        this.retryAfter = seconds;
        return this;
    }

    /** Answers every request only after this long. */
    public HeartbeatReceiver slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** healthchecks' Ping-Body-Limit header on every healthchecks answer. */
    HeartbeatReceiver bodyLimit(int bytes) {
        this.bodyLimit = bytes;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
            requests.add(request);

            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Integer forced;
            synchronized (statuses) {
                forced = statuses.poll();
            }
            if (forced != null) {
                if (forced == 429 && retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                send(exchange, forced, "forced " + forced);
                return;
            }
            route(exchange, request);
        } catch (IOException | RuntimeException e) {
            // The client gave up (timeouts, aborts): nothing to answer.
        }
    }

    private void route(HttpExchange exchange, Request r) throws IOException {
        String path = r.path();
        Matcher m;
        if ((m = HC.matcher(path)).matches()) {
            String rid = r.params().get("rid");
            if (rid != null && !isUuid(rid)) {
                send(exchange, 400, "invalid rid");
                return;
            }
            if (m.group(4) != null && m.group(4).matches("\\d+") && Integer.parseInt(m.group(4)) > 255) {
                send(exchange, 404, "not found");
                return;
            }
            if (bodyLimit != null) {
                exchange.getResponseHeaders().add("Ping-Body-Limit", bodyLimit.toString());
            }
            send(exchange, 200, "OK");
        } else if (CRONITOR.matcher(path).matches()) {
            Map<String, String> p = r.params();
            String state = p.get("state");
            if (state != null && !List.of("run", "complete", "fail", "ok").contains(state)
                    || p.getOrDefault("message", "").length() > 2000) {
                send(exchange, 400, "bad telemetry");
                return;
            }
            send(exchange, 200, "");
        } else if (KUMA.matcher(path).matches()) {
            String status = r.params().getOrDefault("status", "up");
            if (!status.equals("up") && !status.equals("down")) {
                send(exchange, 400, "{\"ok\":false,\"msg\":\"bad status\"}");
                return;
            }
            send(exchange, 200, "{\"ok\":true}");
        } else if (BETTER_STACK.matcher(path).matches()) {
            send(exchange, 202, "");
        } else if (path.equals("/hook")) {
            if (!r.method().equals("POST") || !String.valueOf(r.header("Content-Type")).startsWith("application/json")) {
                send(exchange, 415, "json only");
                return;
            }
            try {
                new ObjectMapper().readTree(r.body());
            } catch (IOException e) {
                send(exchange, 400, "bad json");
                return;
            }
            send(exchange, 204, null);
        } else {
            send(exchange, 404, "not found");
        }
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
