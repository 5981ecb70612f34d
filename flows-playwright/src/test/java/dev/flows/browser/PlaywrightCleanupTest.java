package dev.flows.browser;

/** The Playwright engine leaves no process and no temporary folder behind. */
class PlaywrightCleanupTest extends CleanupContract {

    @Override
    protected BrowserConfig.EngineType engine() {
        return BrowserConfig.EngineType.PLAYWRIGHT;
    }

    @Override
    protected String temporaryFolderPrefix() {
        return "playwright-java-";
    }
}
