package dev.flows.browser;

/**
 * What {@link Browser#launch} finds through {@link java.util.ServiceLoader}: the port's implementation on top of the
 * engine SPI ({@code dev.flows.engine.port}, registered by flows-core). Looking it up keeps this package free of
 * any dependency on the engines or their SPI. Not for users to implement.
 */
public interface BrowserLauncher {

    /** Starts the browser {@code config} describes, or throws {@link BrowserLaunchException}. */
    Browser launch(BrowserConfig config);
}
