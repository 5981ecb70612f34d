package dev.flows.browser;

/** The Selenium engine leaves no process and no temporary folder behind. */
class SeleniumCleanupTest extends CleanupContract {

    @Override
    protected BrowserConfig.EngineType engine() {
        return BrowserConfig.EngineType.SELENIUM;
    }

    @Override
    protected String temporaryFolderPrefix() {
        return "flows-selenium-profile-";
    }
}
