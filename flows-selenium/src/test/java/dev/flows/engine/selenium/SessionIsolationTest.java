package dev.flows.engine.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserException;
import dev.flows.browser.NetworkPolicy;
import dev.flows.browser.RequestPattern;
import dev.flows.browser.RequestRule;
import dev.flows.engine.spi.SessionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Local sessions one after another share a browser, and nothing else: no cookie, storage, HTTP cache, console error,
 * failed request, page or dialog of an earlier session reaches the next one, and each session has its own viewport,
 * headers and network rules.
 */
class SessionIsolationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    // What a shop may leave in a browser, in every kind of storage, plus an HTTP-cached script (max-age an hour);
    // then, once loaded, a console error, a failed request and a dialog that nobody reads before the session ends.
    private static final String LEAVE = """
            <!doctype html><title>leave</title>
            <script src="/cached.js"></script>
            <script>
              localStorage.setItem('flows_left', 'local');
              sessionStorage.setItem('flows_left', 'session');
              indexedDB.open('flows_left', 1).onupgradeneeded = e => e.target.result.createObjectStore('things');
              caches.open('flows_left').then(c => c.put('/flows-left', new Response('left')));
              addEventListener('load', () => setTimeout(() => {
                console.error('left by the first session');
                alert('left by the first session');
                fetch('/missing');
              }, 100));
            </script>""";

    private static final String LOOK = "<!doctype html><title>look</title><p>nothing here";

    // Everything the page can see of what an earlier session left, as one list.
    private static final String FIND = """
            const done = arguments[arguments.length - 1];
            (async () => {
              const dbs = await indexedDB.databases();
              done([document.cookie, String(localStorage.getItem('flows_left')),
                    String(sessionStorage.getItem('flows_left')), dbs.map(d => d.name).join(','),
                    (await caches.keys()).join(',')]);
            })();
            """;

    private static HttpServer server;
    private static URI base;
    private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch slow = new CountDownLatch(0);
    private SeleniumEngine engine;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            switch (path) {
                case "/leave" -> answer(exchange, 200, "text/html", LEAVE, Map.of("Set-Cookie", "flows_left=cookie; Path=/"));
                case "/look" -> answer(exchange, 200, "text/html", LOOK, Map.of());
                case "/cached.js" -> answer(exchange, 200, "text/javascript", "window.cached = true;",
                        Map.of("Cache-Control", "max-age=3600"));
                case "/blocked.js" -> answer(exchange, 200, "text/javascript", "", Map.of());
                case "/slow" -> {
                    try {
                        slow.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 200, "text/html", LOOK, Map.of());
                }
                default -> answer(exchange, 404, "text/plain", "not here", Map.of());
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @BeforeEach
    void launch() {
        hits.clear();
        headers.clear();
        engine = SeleniumEngine.launch(BrowserConfig.selenium().build());
    }

    @AfterEach
    void close() {
        slow.countDown();
        engine.close();
    }

    @Test
    void theNextSessionInTheSameBrowserFindsNothingTheLastOneLeft() {
        SeleniumSession first = open(SessionSettings.DEFAULT);
        Chrome browser = first.chrome();
        // Each page leaves a console error, a dialog and a failed request 100 ms after its load event; the next
        // navigation waits for them, or it could leave the page before its timer fires.
        first.navigate(base.resolve("/leave"), WAIT);
        waitFor("the first page's late console error, dialog and failed request", () -> hits("/missing") == 1);
        first.navigate(base.resolve("/leave"), WAIT);
        assertEquals(1, hits("/cached.js"), "a second page in the same session takes the script from the HTTP cache");
        // Not read by the first session: they are in ChromeDriver's logs and the page when it closes.
        waitFor("the last page's late console error, dialog and failed request", () -> hits("/missing") == 2);
        assertEquals(List.of("flows_left=cookie", "local", "session", "flows_left", "flows_left"), script(first, FIND),
                "the traces are readable where they were left");
        first.close();

        SeleniumSession later = open(SessionSettings.DEFAULT);
        assertSame(browser, later.chrome(), "the next session reuses the browser");
        assertEquals(2, browser.sessions());
        later.navigate(base.resolve("/look"), WAIT);
        assertEquals(List.of("", "null", "null", "", ""), script(later, FIND));
        script(later, "const done = arguments[0]; const s = document.createElement('script'); s.src = '/cached.js';"
                + " s.onload = () => done('ok'); document.head.append(s);");
        assertEquals(2, hits("/cached.js"), "the HTTP cache of the earlier session is gone");
        assertEquals(List.of(), later.consoleErrors());
        assertEquals(List.of(), later.failedRequests());
        assertEquals(List.of(), later.dialogs());
        assertEquals(List.of(base.resolve("/look").toString()),
                later.navigations().stream().map(n -> n.url()).toList());
        later.close();
    }

    @Test
    void aReusedBrowserTakesEachSessionsViewportHeadersAndNetworkRules() {
        NetworkPolicy blocking = new NetworkPolicy(null, null,
                List.of(RequestRule.order(base, RequestPattern.parse("GET /blocked.js"), true)));
        SeleniumSession first = open(new SessionSettings(800, 600, Map.of("X-Flows-Test", "first"), "FirstAgent/1",
                WAIT, blocking));
        Chrome browser = first.chrome();
        first.navigate(base.resolve("/look"), WAIT);
        assertEquals(List.of(800L, 600L), script(first, "arguments[0]([innerWidth, innerHeight])"));
        assertEquals(800, pngWidth(first.screenshot()));
        assertEquals("blocked", script(first, fetch("/blocked.js")));
        assertEquals(0, hits("/blocked.js"));
        first.close();

        SeleniumSession later = open(new SessionSettings(1024, 700, Map.of(), "", WAIT, NetworkPolicy.NONE));
        assertSame(browser, later.chrome(), "the next session reuses the browser");
        headers.clear();
        later.navigate(base.resolve("/look"), WAIT);
        assertEquals(List.of(1024L, 700L), script(later, "arguments[0]([innerWidth, innerHeight])"));
        assertEquals(1024, pngWidth(later.screenshot()));
        assertEquals("fetched", script(later, fetch("/blocked.js")));
        assertEquals(1, hits("/blocked.js"), "the first session's blocking rule is gone");
        assertTrue(headers.stream().noneMatch(h -> h.containsKey("X-flows-test")), "the first session's header is gone: " + headers);
        assertTrue(headers.stream().noneMatch(h -> String.valueOf(h.get("User-agent")).contains("FirstAgent")),
                "the first session's user agent is gone: " + headers);
        assertEquals(List.of(), later.interceptedRequests());
        later.close();
    }

    @Test
    void sessionsOpenAtOnceEachHaveABrowser() {
        SeleniumSession one = open(SessionSettings.DEFAULT);
        SeleniumSession two = open(SessionSettings.DEFAULT);
        assertNotSame(one.chrome(), two.chrome());
        one.close();
        two.close();
        SeleniumSession three = open(SessionSettings.DEFAULT);
        assertTrue(three.chrome() == one.chrome() || three.chrome() == two.chrome(), "an idle browser is reused");
        three.close();
    }

    @Test
    void aSessionClosedWhileACommandHangsDoesNotHandItsBrowserOn() throws Exception {
        slow = new CountDownLatch(1);
        SeleniumSession stuck = open(SessionSettings.DEFAULT);
        ExecutorService step = Executors.newSingleThreadExecutor();
        try {
            Future<?> loading = step.submit(() -> stuck.navigate(base.resolve("/slow"), WAIT));
            waitFor("the page load that hangs", () -> hits("/slow") == 1);
            stuck.close();
            assertThrows(BrowserException.class, stuck::url, "a closed session sends no more commands");

            SeleniumSession next = open(SessionSettings.DEFAULT);
            assertNotSame(stuck.chrome(), next.chrome(), "a browser that may be stuck is quit, not reused");
            next.close();
            slow.countDown();
            assertThrows(Exception.class, () -> loading.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            step.shutdownNow();
        }
    }

    private SeleniumSession open(SessionSettings settings) {
        return (SeleniumSession) engine.openSession(settings);
    }

    private static int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private static String fetch(String path) {
        return "fetch('" + path + "').then(() => arguments[0]('fetched'), () => arguments[0]('blocked'))";
    }

    private static Object script(SeleniumSession session, String body) {
        return ((JavascriptExecutor) session.driver()).executeAsyncScript(body);
    }

    private static int pngWidth(byte[] png) {
        return ByteBuffer.wrap(png, 16, 4).getInt();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body, Map<String, String> extra)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        extra.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
