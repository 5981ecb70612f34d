package dev.flows.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("FlowsLaunchOptions/1", store.requestLog().get(0).header("User-Agent").orElse(null));
    }
}
