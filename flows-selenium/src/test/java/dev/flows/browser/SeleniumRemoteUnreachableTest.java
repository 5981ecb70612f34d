package dev.flows.browser;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A remote endpoint where nothing listens fails the launch at once, in one line that names the endpoint. */
class SeleniumRemoteUnreachableTest {

    @Test
    void seleniumNamesTheGridItCouldNotReach() {
        URI grid = URI.create("http://127.0.0.1:" + ServerProcess.freePort() + "/");
        BrowserLaunchException e = assertThrows(BrowserLaunchException.class,
                () -> Browser.launch(BrowserConfig.selenium().remote(grid).build()));
        assertEquals("selenium: no Selenium Grid at " + grid + " (connection refused)", e.getMessage());
    }

    @Test
    void credentialsInTheEndpointStayOutOfTheMessage() {
        URI grid = URI.create("http://user:s3cret@127.0.0.1:" + ServerProcess.freePort() + "/wd/hub");
        BrowserLaunchException e = assertThrows(BrowserLaunchException.class,
                () -> Browser.launch(BrowserConfig.selenium().remote(grid).build()));
        assertEquals("selenium: no Selenium Grid at http://****@127.0.0.1:" + grid.getPort() + "/wd/hub (connection refused)",
                e.getMessage());
    }
}
