package dev.flows.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser contract on Selenium WebDriver through a Selenium Grid standalone on loopback. */
class SeleniumGridContractTest extends BrowserContract {

    @RegisterExtension
    static final RemoteServer GRID = RemoteServer.seleniumGrid();

    @Override
    boolean remote() {
        return true;
    }

    @Override
    BrowserConfig.Builder engine() {
        return BrowserConfig.selenium().remote(GRID.endpoint());
    }

    @Test
    void describesTheGridAndTheBrowserVersionItReports() {
        page.open("/");
        String described = browser.describe();
        assertTrue(described.matches("selenium, chrome \\d+\\.[\\d.]+ at Selenium Grid \\Q" + GRID.endpoint() + "\\E"),
                described);
    }
}
