package dev.flows.dsl;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;

import java.util.stream.Stream;

/** One Playwright and one Selenium browser for a test class; launched once, since each costs a second or two. */
final class Engines implements AutoCloseable {

    private final Browser playwright = Browser.launch(BrowserConfig.playwright().build());
    private final Browser selenium = Browser.launch(BrowserConfig.selenium().build());

    // Engine types, not browsers, are the test parameters: JUnit closes AutoCloseable arguments after each test.
    static Stream<BrowserConfig.EngineType> both() {
        return Stream.of(BrowserConfig.EngineType.PLAYWRIGHT, BrowserConfig.EngineType.SELENIUM);
    }

    Browser get(BrowserConfig.EngineType engine) {
        return engine == BrowserConfig.EngineType.PLAYWRIGHT ? playwright : selenium;
    }

    @Override
    public void close() {
        playwright.close();
        selenium.close();
    }
}
