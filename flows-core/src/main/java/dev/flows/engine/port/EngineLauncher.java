package dev.flows.engine.port;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.BrowserLauncher;

/** The port on top of the engine SPI: {@link Browser#launch} finds this through {@link java.util.ServiceLoader}. */
public final class EngineLauncher implements BrowserLauncher {

    @Override
    public Browser launch(BrowserConfig config) {
        return EngineBrowser.launch(config);
    }
}
