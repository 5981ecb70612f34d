package dev.flows.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser contract on Playwright for Java connected to a Playwright server on loopback. */
class PlaywrightServerContractTest extends BrowserContract {

    @RegisterExtension
    static final RemoteServer SERVER = RemoteServer.playwrightServer();

    @Override
    boolean remote() {
        return true;
    }

    @Override
    BrowserConfig.Builder engine() {
        // The server launches the browser, so the path is the server's: the same machine here.
        return BrowserConfig.playwright().remote(SERVER.endpoint()).browserPath(Path.of("/usr/bin/chromium"));
    }

    @Test
    void describesTheServerAndTheBrowserVersionItReports() {
        String described = browser.describe();
        assertTrue(described.matches("playwright, chromium \\d+\\.[\\d.]+ at Playwright server \\Q" + SERVER.endpoint() + "\\E"),
                described);
    }

    @Test
    void theServerLaunchesTheBrowserWithFlowsLaunchOptions() {
        // The executable already shows in every test (the server has no browser of its own); the switches show here.
        store.clearRequestLog();
        try (Browser switched = Browser.launch(engine().browserArg("--user-agent=FlowsLaunchOptions/1").build());
             Page other = switched.newPage(PageOptions.builder().baseUrl(store.baseUrl()).build())) {
            other.open("/");
        }
        // The switched browser's own request: a page of an earlier test may still send one of its own meanwhile.
        List<String> agents = store.requestLog().stream().filter(r -> r.path().equals("/") && r.method().equals("GET"))
                .map(r -> r.header("User-Agent").orElse("")).toList();
        assertTrue(agents.contains("FlowsLaunchOptions/1"), "user agents asking for /: " + agents);
    }
}
