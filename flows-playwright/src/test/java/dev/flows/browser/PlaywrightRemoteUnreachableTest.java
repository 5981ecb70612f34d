package dev.flows.browser;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A remote endpoint where nothing listens fails the launch at once, in one line that names the endpoint. */
class PlaywrightRemoteUnreachableTest {

    @Test
    void playwrightNamesTheServerItCouldNotReach() {
        URI server = URI.create("ws://127.0.0.1:" + ServerProcess.freePort() + "/");
        BrowserLaunchException e = assertThrows(BrowserLaunchException.class,
                () -> Browser.launch(BrowserConfig.playwright().remote(server).build()));
        assertEquals("playwright: no Playwright server at " + server + " (connection refused)", e.getMessage());
    }
}
