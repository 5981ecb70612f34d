package dev.flows.examples;

import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.run.Run;
import dev.flows.site.Site;
import dev.flows.testng.FlowsSetup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo store's live (production) and fallback instances for the example TestNG suite, started with the suite
 * and stopped after it. Engines from the system property {@code flows.engines} (default {@code playwright,selenium});
 * {@code flows.fault=fallback-add-to-cart} hides the fallback's add-to-cart button, to see a failing report.
 */
public final class DemoStoreSetup implements FlowsSetup {

    private final DemoStore live = DemoStore.builder().name("live").start();
    private final DemoStore fallback = DemoStore.builder().name("fallback").start();

    public DemoStoreSetup() {
        if ("fallback-add-to-cart".equals(System.getProperty("flows.fault"))) {
            fallback.faults().hideElement("/product/*", "add-to-cart");
        }
    }

    @Override
    public List<Site> sites() {
        return List.of(Site.builder("live").url(live.baseUrl()).role("primary").production(true).build(),
                Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build());
    }

    @Override
    public List<BrowserConfig> engines() {
        List<BrowserConfig> engines = new ArrayList<>();
        for (String id : System.getProperty("flows.engines", "playwright,selenium").split(",")) {
            engines.add(BrowserConfig.builder(BrowserConfig.EngineType.of(id)).build());
        }
        return engines;
    }

    @Override
    public void configure(Run.Builder run) {
        run.retries(1).output(Path.of("target", "flows-output"));
    }

    @Override
    public void close() {
        live.close();
        fallback.close();
    }
}
