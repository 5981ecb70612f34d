package dev.flows.browser;

/** The browser contract on Selenium WebDriver with a local ChromeDriver. */
class SeleniumContractTest extends BrowserContract {

    @Override
    BrowserConfig.Builder engine() {
        return BrowserConfig.selenium();
    }
}
