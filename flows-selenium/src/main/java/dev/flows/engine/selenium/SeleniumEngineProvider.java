package dev.flows.engine.selenium;

import dev.flows.browser.BrowserConfig;
import dev.flows.engine.spi.Engine;
import dev.flows.engine.spi.EngineProvider;

/** Registers the Selenium engine with the browser port (through {@link java.util.ServiceLoader}). */
public final class SeleniumEngineProvider implements EngineProvider {

    @Override
    public BrowserConfig.EngineType type() {
        return BrowserConfig.EngineType.SELENIUM;
    }

    @Override
    public Engine launch(BrowserConfig config) {
        return SeleniumEngine.launch(config);
    }
}
