package dev.flows.engine.selenium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.engine.spi.SessionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.List;

/**
 * Sessions after one another share a browser, and nothing else: no cookie, no local or session storage, no
 * IndexedDB, no Cache Storage and no HTTP cache of an earlier session reaches the next one.
 */
class SessionIsolationTest {

    // What a shop may leave in a browser, in every kind of storage; then a "force-cache" fetch of app.js?left (a
    // URL no page loads itself), which answers from the HTTP cache whenever the cache holds it, however stale.
    private static final String LEAVE_TRACES = """
            const done = arguments[arguments.length - 1];
            document.cookie = 'flows_left=cookie; path=/';
            localStorage.setItem('flows_left', 'local');
            sessionStorage.setItem('flows_left', 'session');
            const db = indexedDB.open('flows_left', 1);
            db.onupgradeneeded = () => db.result.createObjectStore('things');
            db.onsuccess = async () => {
              db.result.close();
              const cache = await caches.open('flows_left');
              await cache.put('/flows-left', new Response('left'));
              await fetch('/static/app.js?left', { cache: 'force-cache' });
              done('ok');
            };
            db.onerror = () => done('indexedDB: ' + db.error);
            """;

    private static final String FIND_TRACES = """
            const done = arguments[arguments.length - 1];
            const dbs = await indexedDB.databases();
            done([document.cookie, String(localStorage.getItem('flows_left')), String(sessionStorage.getItem('flows_left')),
                  dbs.map(d => d.name).join(','), (await caches.keys()).join(',')]);
            """;

    private static DemoStore store;
    private static SeleniumEngine engine;

    @BeforeAll
    static void start() {
        store = DemoStore.builder().name("live").start();
        engine = SeleniumEngine.launch(BrowserConfig.selenium().build());
    }

    @AfterAll
    static void stop() {
        engine.close();
        store.close();
    }

    @Test
    void theNextSessionInTheSameBrowserFindsNothingTheLastOneLeft() {
        WebDriver first;
        SeleniumSession earlier = (SeleniumSession) engine.openSession(SessionSettings.DEFAULT);
        try {
            first = earlier.driver();
            earlier.navigate(store.baseUrl(), SessionSettings.DEFAULT.navigation());
            assertEquals("ok", script(earlier, LEAVE_TRACES));
            assertEquals(List.of("flows_left=cookie", "local", "session", "flows_left", "flows_left"), script(earlier, FIND_TRACES),
                    "the traces are readable where they were left");
            store.clearRequestLog();
            script(earlier, "fetch('/static/app.js?left', { cache: 'force-cache' }).then(() => arguments[0]('ok'))");
            assertEquals(0, appJsFetches(), "a second force-cache fetch in the same session comes from the HTTP cache");
        } finally {
            earlier.close();
        }

        SeleniumSession later = (SeleniumSession) engine.openSession(SessionSettings.DEFAULT);
        try {
            assertSame(first, later.driver(), "the next session reuses the browser");
            later.navigate(store.baseUrl(), SessionSettings.DEFAULT.navigation());
            assertEquals(List.of("", "null", "null", "", ""), script(later, FIND_TRACES));
            store.clearRequestLog();
            script(later, "fetch('/static/app.js?left', { cache: 'force-cache' }).then(() => arguments[0]('ok'))");
            assertEquals(1, appJsFetches(), "the HTTP cache of the earlier session is gone");
        } finally {
            later.close();
        }
    }

    private static long appJsFetches() {
        return store.requestLog().stream().filter(r -> r.path().equals("/static/app.js?left")).count();
    }

    private static Object script(SeleniumSession session, String body) {
        // An async function body, so "await" works; the last argument is WebDriver's callback.
        return ((JavascriptExecutor) session.driver()).executeAsyncScript(
                "return (async function() {" + body + "}).apply(null, arguments)");
    }
}
