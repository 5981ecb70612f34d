package dev.flows.engine.port;

import dev.flows.browser.*;

import dev.flows.engine.spi.Engine;
import dev.flows.engine.spi.SessionSettings;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Browser} on top of an {@link Engine}. */
final class EngineBrowser implements Browser {

    private final BrowserConfig config;
    private final Engine engine;
    private final Set<EnginePage> pages = ConcurrentHashMap.newKeySet();

    private EngineBrowser(BrowserConfig config, Engine engine) {
        this.config = config;
        this.engine = engine;
    }

    static Browser launch(BrowserConfig config) {
        Objects.requireNonNull(config, "config");
        Engine engine = EngineProviders.find(config.engine()).launch(config);
        return new EngineBrowser(config, engine);
    }

    @Override
    public String engine() {
        return engine.name();
    }

    @Override
    public String describe() {
        return engine.name() + ", " + engine.browser();
    }

    @Override
    public BrowserConfig config() {
        return config;
    }

    @Override
    public Page newPage(PageOptions options) {
        Objects.requireNonNull(options, "options");
        Timeouts timeouts = options.timeouts() == null ? config.timeouts() : options.timeouts();
        SessionSettings settings = new SessionSettings(options.width(), options.height(), options.extraHeaders(),
                options.userAgentSuffix(), timeouts.navigation(), options.network());
        EnginePage page = new EnginePage(engine.openSession(settings), options.baseUrl(), timeouts, this::describe, pages::remove);
        pages.add(page);
        return page;
    }

    @Override
    public void close() {
        try {
            for (EnginePage page : pages) {
                page.close();
            }
        } finally {
            engine.close();
        }
    }
}
