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
 * @param trace          which attempts record a trace and which traces are kept
 * @param pageTimeouts   the pages' waits, or null for the browser's
 * @param health         what HTTP error pages, failed same-origin requests and dialogs do
 * @param orderRequests  order requests besides the journeys' own: blocked on production sites without allowed orders
 * @param blockedHosts   hosts no page may load from
 * @param viewport       the pages' size, or null for the browser port's default (a desktop window)
 */
record AttemptSettings(Duration stepTimeout, Duration journeyTimeout, Duration stepBudget, int retries, Path outputFolder,
                       TrafficMark traffic, Set<String> allowOrders, PageErrors pageErrors, TracePolicy trace,
                       Timeouts pageTimeouts, HealthPolicies health, List<RequestPattern> orderRequests,
                       List<RequestRule> blockedHosts, Viewport viewport) {

    /** A page size in CSS pixels: {@code new Viewport(390, 844)} is a phone held upright. */
    record Viewport(int width, int height) {
    }

    /** The page-health policies of a run; each fails the step by default. */
    record HealthPolicies(HealthPolicy httpErrors, HealthPolicy failedRequests, HealthPolicy dialogs) {
        static final HealthPolicies DEFAULT = new HealthPolicies(HealthPolicy.failStep(), HealthPolicy.failStep(), HealthPolicy.failStep());

        HealthPolicies {
            Objects.requireNonNull(httpErrors, "httpErrors");
            Objects.requireNonNull(failedRequests, "failedRequests");
            Objects.requireNonNull(dialogs, "dialogs");
        }
    }

    /** Settings with the default page-health policies and no request rules. */
    AttemptSettings(Duration stepTimeout, Duration journeyTimeout, Duration stepBudget, int retries, Path outputFolder,
                    TrafficMark traffic, Set<String> allowOrders, PageErrors pageErrors, TracePolicy trace, Timeouts pageTimeouts) {
        this(stepTimeout, journeyTimeout, stepBudget, retries, outputFolder, traffic, allowOrders, pageErrors, trace,
                pageTimeouts, HealthPolicies.DEFAULT, List.of(), List.of(), null);
    }

    AttemptSettings {
        health = health == null ? HealthPolicies.DEFAULT : health;
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(journeyTimeout, "journeyTimeout");
        Objects.requireNonNull(outputFolder, "outputFolder");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(pageErrors, "pageErrors");
        Objects.requireNonNull(trace, "trace");
        allowOrders = Set.copyOf(allowOrders);
        orderRequests = List.copyOf(orderRequests);
        blockedHosts = List.copyOf(blockedHosts);
    }

    /** Attempts per journey: the first and its retries. */
    int attempts() {
        return retries + 1;
    }
}
