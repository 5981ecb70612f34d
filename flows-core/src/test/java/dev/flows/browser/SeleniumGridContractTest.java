package dev.flows.browser;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser contract on Selenium WebDriver through a Selenium Grid standalone on loopback. */
class SeleniumGridContractTest extends BrowserContract {

    @RegisterExtension
    static final RemoteServer GRID = RemoteServer.seleniumGrid();

    @Override
    BrowserConfig.Builder engine() {
        return BrowserConfig.selenium().remote(GRID.endpoint());
    }
}
