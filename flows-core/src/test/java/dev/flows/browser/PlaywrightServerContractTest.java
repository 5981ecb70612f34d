package dev.flows.browser;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

/** The browser contract on Playwright for Java connected to a Playwright server on loopback. */
class PlaywrightServerContractTest extends BrowserContract {

    @RegisterExtension
    static final RemoteServer SERVER = RemoteServer.playwrightServer();

    @Override
    BrowserConfig.Builder engine() {
        // The server launches the browser, so the path is the server's: the same machine here.
        return BrowserConfig.playwright().remote(SERVER.endpoint()).browserPath(Path.of("/usr/bin/chromium"));
    }
}
