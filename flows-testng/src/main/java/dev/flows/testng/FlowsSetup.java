package dev.flows.testng;

import dev.flows.allure.AllureResults;
import dev.flows.browser.BrowserConfig;
import dev.flows.monitor.RunAttachments;
import dev.flows.run.Run;
import dev.flows.site.Site;

import java.nio.file.Path;
import java.util.List;

/**
 * What a TestNG suite of journeys runs against: the sites, the engines and the run's options. Created once per
 * suite by {@link FlowsListener} (from the suite parameter {@code flows.setup}, a class with a public no-argument
 * constructor) and closed when the suite ends, so it may start what the sites need (a demo store, a tunnel).
 *
 * <pre>{@code
 * public final class ShopSites implements FlowsSetup {
 *     public List<Site> sites() {
 *         return List.of(Site.builder("live").url("https://shop.example.com/").production(true).build(),
 *                        Site.builder("fallback").url("https://fallback.example.net/").role("fallback").build());
 *     }
 *     public void configure(Run.Builder run) {
 *         run.retries(1).stepTimeout(Duration.ofSeconds(30));
 *     }
 * }
 * }</pre>
 */
public interface FlowsSetup extends AutoCloseable {

    /** Every site each journey runs on; called once, after construction. */
    List<Site> sites();

    /** The engines, each launched once per suite (default: Playwright with the machine's Chromium). */
    default List<BrowserConfig> engines() {
        return List.of(BrowserConfig.playwright().build());
    }

    /**
     * Options of every journey's run: retries, timeouts, budgets, page errors, listeners, output. The suite sets
     * the journey, the site, the browser and the run id itself: do not add those here.
     */
    default void configure(Run.Builder run) {
    }

    /** Where the Allure results go: Allure's own {@code allure.results.directory}, else {@code target/allure-results}. */
    default Path allureResults() {
        return AllureResults.defaultFolder();
    }

    /**
     * What the suite reports to besides Allure: heartbeats (a start ping when the suite starts, a finish ping with
     * the summary when it ends), the alert threshold and the JSON disparity report, as the {@code flows} command
     * does. Default: none of them but Allure; from a {@code flows.yaml}: {@code RunAttachments.from(config).build()}.
     */
    default RunAttachments attachments() {
        return RunAttachments.builder().allureResults(allureResults()).build();
    }

    /** Stops what the setup started; called once when the suite ends. */
    @Override
    default void close() {
    }
}
