package dev.flows.monitor.cli;

import dev.flows.check.PageCheck;
import dev.flows.demostore.DemoStore;
import dev.flows.site.Site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The embedded demo store's live (production) and fallback instances on free ports, for as long as a command runs. */
final class DemoStores implements AutoCloseable {

    private final DemoStore live;
    private final DemoStore fallback;

    private DemoStores(DemoStore live, DemoStore fallback) {
        this.live = live;
        this.fallback = fallback;
    }

    static DemoStores start() {
        DemoStore live = DemoStore.builder().name("live").start();
        try {
            return new DemoStores(live, DemoStore.builder().name("fallback").start());
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
    }

    /** What a config file may refer to: {@code ${DEMO_LIVE_URL}} and {@code ${DEMO_FALLBACK_URL}}. */
    Map<String, String> variables() {
        return Map.of("DEMO_LIVE_URL", live.baseUrl().toString(), "DEMO_FALLBACK_URL", fallback.baseUrl().toString());
    }

    /** Live, the production site; fallback, its stand-in. */
    List<Site> sites() {
        return List.of(
                Site.builder("live").url(live.baseUrl()).role("primary").production(true).build(),
                Site.builder("fallback").url(fallback.baseUrl()).role("fallback").build());
    }

    /** The demo store's five page types on every site, each within a 2 s budget. */
    List<PageCheck> pageChecks() {
        Duration budget = Duration.ofSeconds(2);
        List<PageCheck> checks = new ArrayList<>();
        for (Site site : sites()) {
            checks.add(new PageCheck(site, "landing", "/", 200, "Bean & Burr", budget));
            checks.add(new PageCheck(site, "category", "/category/espresso-machines", 200, "Espresso", budget));
            checks.add(new PageCheck(site, "product", "/product/barista-pro", 200, "Barista Pro", budget));
            checks.add(new PageCheck(site, "cart", "/cart", 200, null, budget));
            checks.add(new PageCheck(site, "account", "/account/login", 200, null, budget));
        }
        return checks;
    }

    @Override
    public void close() {
        try {
            live.close();
        } finally {
            fallback.close();
        }
    }
}
