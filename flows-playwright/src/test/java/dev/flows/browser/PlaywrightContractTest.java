package dev.flows.browser;

/** The browser contract on Playwright for Java. */
class PlaywrightContractTest extends BrowserContract {

    @Override
    BrowserConfig.Builder engine() {
        return BrowserConfig.playwright();
    }
}
