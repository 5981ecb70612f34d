package dev.flows.engine.spi;

import dev.flows.browser.BrowserConfig;

/**
 * How the browser port finds an engine: each engine module registers one provider in
 * {@code META-INF/services/dev.flows.engine.spi.EngineProvider}, so the port never names an engine and a project
 * carries only the driver it uses.
 *
 * <pre>{@code
 * public final class MyEngineProvider implements EngineProvider {
 *     public BrowserConfig.EngineType type() { return BrowserConfig.EngineType.PLAYWRIGHT; }
 *     public Engine launch(BrowserConfig config) { return MyEngine.launch(config); }
 * }
 * }</pre>
 */
public interface EngineProvider {

    /** The engine this provider launches. */
    BrowserConfig.EngineType type();

    /**
     * Starts the browser (or connects to the remote one) as {@code config} says.
     *
     * @throws dev.flows.browser.BrowserLaunchException when no browser can be started, in one line that says why
     */
    Engine launch(BrowserConfig config);
}
