package dev.flows.run;

import dev.flows.browser.RequestPattern;
import dev.flows.browser.RequestRule;
import dev.flows.browser.Timeouts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How every attempt of a run is made: the run's settings that the {@link AttemptRunner} needs, in one value.
 *
 * @param stepTimeout    the longest one step may run
 * @param journeyTimeout the longest one attempt may run
 * @param stepBudget     the budget of steps without their own, or null
 * @param retries        how many attempts follow a failed one
 * @param outputFolder   {@code <output>/<run-id>}
 * @param traffic        how requests are marked
 * @param allowOrders    production sites (by name) that may receive orders
 * @param pageErrors     what an uncaught page error does
 * @param keepTraces     whether passing attempts keep their trace
 * @param pageTimeouts   the pages' waits, or null for the browser's
 * @param orderRequests  order requests besides the journeys' own: blocked on production sites without allowed orders
 * @param blockedHosts   hosts no page may load from
 */
record AttemptSettings(Duration stepTimeout, Duration journeyTimeout, Duration stepBudget, int retries, Path outputFolder,
                       TrafficMark traffic, Set<String> allowOrders, PageErrors pageErrors, boolean keepTraces,
                       Timeouts pageTimeouts, List<RequestPattern> orderRequests, List<RequestRule> blockedHosts) {

    AttemptSettings {
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(journeyTimeout, "journeyTimeout");
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(pageErrors, "pageErrors");
        allowOrders = Set.copyOf(allowOrders);
        orderRequests = List.copyOf(orderRequests);
        blockedHosts = List.copyOf(blockedHosts);
    }

    /** Attempts per journey: the first and its retries. */
    int attempts() {
        return retries + 1;
    }
}
