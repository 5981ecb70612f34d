package com.example.shop;

import dev.flows.browser.BrowserConfig;
import dev.flows.config.FlowsConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.monitor.RunAttachments;
import dev.flows.run.Run;
import dev.flows.site.Site;
import dev.flows.testng.FlowsSetup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The TestNG suite's sites, engine, run options and heartbeat, all from the same flows.yaml as the command. */
public final class ShopSites implements FlowsSetup {

    private final DemoStore live = DemoStore.builder().name("live").start();
    private final DemoStore fallback = DemoStore.builder().name("fallback").start();
    private final PingReceiver heartbeat = new PingReceiver();
    private final FlowsConfig config = FlowsConfig.read(Path.of("flows.yaml"), Map.of(
            "DEMO_LIVE_URL", live.baseUrl().toString(),
            "DEMO_FALLBACK_URL", fallback.baseUrl().toString(),
            "HEARTBEAT_URL", heartbeat.url()));

    @Override
    public List<Site> sites() {
        return config.siteList();
    }

    @Override
    public List<BrowserConfig> engines() {
        return List.of(config.browserConfig());
    }

    @Override
    public void configure(Run.Builder run) {
        config.applySettingsTo(run);
    }

    @Override
    public RunAttachments attachments() {
        return RunAttachments.from(config).allureResults(allureResults()).build();
    }

    @Override
    public void close() {
        // Called after the suite's finish ping: what the heartbeat heard, for verify.groovy.
        heartbeat.save(Path.of("target", "heartbeat-testng.txt"));
        heartbeat.close();
        live.close();
        fallback.close();
    }
}
