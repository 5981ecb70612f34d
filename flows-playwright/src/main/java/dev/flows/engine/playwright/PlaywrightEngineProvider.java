package dev.flows.engine.playwright;

import dev.flows.browser.BrowserConfig;
import dev.flows.engine.spi.Engine;
import dev.flows.engine.spi.EngineProvider;

/** Registers the Playwright engine with the browser port (through {@link java.util.ServiceLoader}). */
public final class PlaywrightEngineProvider implements EngineProvider {

    @Override
    public BrowserConfig.EngineType type() {
        return BrowserConfig.EngineType.PLAYWRIGHT;
    }

    @Override
    public Engine launch(BrowserConfig config) {
        return PlaywrightEngine.launch(config);
    }
}
