package dev.flows.run;

import dev.flows.browser.Browser;
import dev.flows.browser.ConsoleError;
import dev.flows.browser.Durations;
import dev.flows.browser.InterceptedRequest;
import dev.flows.browser.NetworkPolicy;
import dev.flows.browser.RequestPattern;
import dev.flows.browser.RequestRule;
import dev.flows.browser.Page;
import dev.flows.browser.PageOptions;
import dev.flows.diagnostics.Diagnostics;
import dev.flows.journey.BrokenMonitorException;
import dev.flows.journey.Journey;
import dev.flows.journey.OrderRefusedException;
import dev.flows.journey.Step;
import dev.flows.secret.Secrets;
import dev.flows.site.Site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs one journey on one site with one browser: attempt after attempt, each in a fresh page and a fresh context,
 * every step within its timeout and the attempt within the journey's; what went wrong is classified by the
 * {@link FailureClassifier}. Thread-safe: the sites' threads share one runner.
 */
final class AttemptRunner {

    /** The file beside a failure's diagnostics that holds its message, so a folder picked from the output explains itself. */
    static final String FAILURE_FILE = "failure.txt";

    private static final System.Logger LOG = System.getLogger(Run.class.getName());
    /** How often a running step's page is checked for HTTP error pages. */
    private static final Duration HEALTH_TICK = Duration.ofMillis(200);

    private final AttemptSettings settings;
    private final Listeners listeners;
    private final ExecutorService stepThreads;

    AttemptRunner(AttemptSettings settings, Listeners listeners, ExecutorService stepThreads) {
        this.settings = settings;
        this.listeners = listeners;
        this.stepThreads = stepThreads;
    }

    /** Attempts {@code journey} until one works, one must not be retried, or the retries are used up. */
    JourneyResult run(Journey journey, Site site, Browser browser) {
        ResultKey key = ResultKey.journey(journey.name(), site.name(), browser.engine());
        long start = System.nanoTime();
        List<Attempt> attempts = new ArrayList<>();
        Map<String, String> prices = Map.of();
        for (int n = 1; n <= settings.attempts(); n++) {
            OneAttempt attempt = new OneAttempt(journey, site, browser, key, n);
            Attempt done = attempt.run();
            attempts.add(done);
            prices = attempt.prices();
            if (done.outcome().isSuccess() || !attempt.retryable || n == settings.attempts()) {
                break;
            }
            listeners.tell(l -> l.attemptFailed(journey, site, key.engine(), done));
        }
        Attempt last = attempts.get(attempts.size() - 1);
        Outcome outcome = last.outcome().isSuccess() && attempts.size() > 1 ? Outcome.FLAKY : last.outcome();
        return new JourneyResult(key, journey.feature(), site.role(), outcome, since(start), attempts, prices);
    }

    /** The verdict on a journey whose engine could not start: BROKEN before step 1, not retried. */
    static JourneyResult launchFailed(Journey journey, Site site, String engine, RuntimeException failure) {
        ResultKey key = ResultKey.journey(journey.name(), site.name(), engine);
        String message = FailureClassifier.launchFailed(key, String.valueOf(failure.getMessage()));
        Attempt attempt = new Attempt(1, Outcome.BROKEN, Instant.now(), List.of(), Duration.ZERO, message, List.of(), null);
        return new JourneyResult(key, journey.feature(), site.role(), Outcome.BROKEN, Duration.ZERO, List.of(attempt), Map.of());
    }

    /** One attempt: its page, its context, the steps so far; made, run once, and dropped. */
    private final class OneAttempt {
        private final Journey journey;
        private final Site site;
        private final Browser browser;
        private final ResultKey key;
        private final int number;
        private final long start = System.nanoTime();
        private final Instant started = Instant.now();
        private final Path folder;
        private final List<StepResult> steps = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private AttemptContext context;
        private boolean traced;
        private int errorsSeen;
        private boolean retryable;
        private PageHealth health;

        OneAttempt(Journey journey, Site site, Browser browser, ResultKey key, int number) {
            this.journey = journey;
            this.site = site;
            this.browser = browser;
            this.key = key;
            this.number = number;
            this.folder = settings.outputFolder().resolve(site.name()).resolve(key.engine()).resolve(journey.slug())
                    .resolve("attempt-" + number);
        }

        Attempt run() {
            Page page;
            try {
                page = browser.newPage(pageOptions());
            } catch (RuntimeException e) {
                return new Attempt(number, Outcome.BROKEN, started, List.of(), since(start),
                        FailureClassifier.pageFailed(key, String.valueOf(e.getMessage())), List.of(), null);
            }
            try {
                traced = settings.trace().records(number) && startTrace(page);
                context = new AttemptContext(page, site, key.engine(), journey.name(), number,
                        !site.production() || settings.allowOrders().contains(site.name()));
                health = new PageHealth(page, site.baseUrl(), settings.health().httpErrors(), settings.health().failedRequests(),
                        settings.health().dialogs());
                long deadline = start + settings.journeyTimeout().toNanos();
                NetworkWatch network = new NetworkWatch();
                for (int i = 0; i < journey.steps().size(); i++) {
                    Step step = journey.steps().get(i);
                    Duration budget = step.budget() != null ? step.budget() : settings.stepBudget();
                    long left = deadline - System.nanoTime();
                    long stepStart = System.nanoTime();
                    Instant stepStarted = Instant.now();
                    List<PageHealth.Problem> problems = new ArrayList<>();
                    Throwable error = left <= 0
                            ? new StepTimeout("the journey timeout of " + Durations.say(settings.journeyTimeout())
                                    + " was used up before this step")
                            : runStep(step, Duration.ofNanos(Math.min(settings.stepTimeout().toNanos(), left)), problems);
                    Duration took = since(stepStart);
                    // The network rules' catches first: the engine hears the page's events for them, and the
                    // health and page-error reads that follow use the same news.
                    Throwable blocked = network.check(page, site);
                    error = health(error, problems, i + 1, step);
                    if (blocked != null) {
                        // Whatever the step itself said, an order stopped at the network is the verdict.
                        error = blocked;
                    }
                    if (error == null) {
                        error = pageErrors(page, i + 1, step);
                    }
                    if (error != null) {
                        FailureClassifier.Verdict verdict = FailureClassifier.classify(error, site);
                        finished(new StepResult(i + 1, step.name(), false, stepStarted, took, budget,
                                site.secrets().scrub(verdict.cause())));
                        return failed(page, verdict, network.orderSent() || context.orderPlaced());
                    }
                    StepResult passed = finished(new StepResult(i + 1, step.name(), true, stepStarted, took, budget, null));
                    if (passed.overBudget()) {
                        notes.add(passed.label() + " took " + Durations.say(took) + ", over its " + Durations.say(budget) + " budget");
                    }
                }
                Throwable late = network.check(page, site);
                if (late != null && !steps.isEmpty()) {
                    // The order request left the last step's click after the step returned: still refused, still BROKEN.
                    return failed(page, FailureClassifier.classify(late, site), true);
                }
                if (traced) {
                    keepOrDiscardTrace(page);
                }
                Outcome outcome = notes.isEmpty() ? Outcome.PASSED : Outcome.DEGRADED;
                return new Attempt(number, outcome, started, steps, since(start), null, notes, null);
            } finally {
                page.close();
            }
        }

        Map<String, String> prices() {
            return context == null ? Map.of() : context.prices();
        }

        private StepResult finished(StepResult step) {
            steps.add(step);
            listeners.tell(l -> l.stepFinished(journey, site, key.engine(), number, step));
            return step;
        }

        private Attempt failed(Page page, FailureClassifier.Verdict verdict, boolean orderPlaced) {
            if (verdict.retryable() && orderPlaced) {
                // A retry would place a second order: the first one is the news.
                verdict = new FailureClassifier.Verdict(verdict.outcome(), false,
                        verdict.says() + " (an order was placed in this attempt: not retried)", verdict.cause());
            }
            retryable = verdict.retryable();
            Secrets secrets = site.secrets();
            Diagnostics diagnostics = Diagnostics.capture(page, folder, traced, secrets);
            String message = secrets.scrub(FailureClassifier.message(key, steps.get(steps.size() - 1), verdict, number,
                    settings.attempts(), diagnostics.describe()));
            Path file = folder.resolve(FAILURE_FILE);
            try {
                // An artefact for people browsing the output; the message itself travels in the result.
                Files.writeString(file, message + "\n");
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not write " + file + ": " + e.getMessage());
            }
            return new Attempt(number, verdict.outcome(), started, steps, since(start), message, notes, diagnostics);
        }

        /**
         * The page's health after a step: an HTTP error page, failed same-origin requests or dialogs that their
         * policy fails the step for; degrading ones become notes. A failure of another cause gets the dialogs the
         * page opened.
         */
        private Throwable health(Throwable error, List<PageHealth.Problem> problems, int index, Step step) {
            problems.addAll(health.fresh(false));
            Throwable result = error;
            if (result == null) {
                List<PageHealth.Problem> failing = problems.stream().filter(p -> p.mode() == PageErrors.Mode.FAIL).toList();
                if (!failing.isEmpty()) {
                    result = PageHealthFailure.of(failing);
                }
            }
            for (PageHealth.Problem p : problems) {
                if (p.mode() == PageErrors.Mode.DEGRADE) {
                    notes.add("step " + index + " '" + step.name() + "': " + p.description());
                }
            }
            if (result != null && !(result instanceof PageHealthFailure)) {
                List<dev.flows.browser.Dialog> shown = health.dialogsSoFar();
                if (!shown.isEmpty()) {
                    result = new WithDialogs(result, shown);
                }
            }
            return result;
        }

        /** The uncaught page errors since the last step: a failure, a note that degrades, or nothing. */
        private Throwable pageErrors(Page page, int index, Step step) {
            PageErrors rule = settings.pageErrors();
            if (rule.mode() == PageErrors.Mode.IGNORE) {
                return null;
            }
            List<ConsoleError> all = safeConsoleErrors(page);
            List<ConsoleError> fresh = all.subList(Math.min(errorsSeen, all.size()), all.size()).stream()
                    .filter(rule::counts).toList();
            errorsSeen = all.size();
            if (fresh.isEmpty()) {
                return null;
            }
            String said = fresh.stream().map(ConsoleError::toString).collect(Collectors.joining("; "));
            if (rule.mode() == PageErrors.Mode.FAIL) {
                return new PageErrorFailure("uncaught JavaScript error on the page: " + said
                        + "\n(ignore it with pageErrors(PageErrors.failStep().allow(\"<regex>\")) if it is third-party noise)");
            }
            notes.add("step " + index + " '" + step.name() + "': uncaught JavaScript error: " + said);
            return null;
        }

        /**
         * Runs the step on a worker thread and watches the page meanwhile: a page answered with an HTTP error whose
         * policy fails the step ends it at once, instead of letting it wait out an element timeout on an error page.
         */
        private Throwable runStep(Step step, Duration limit, List<PageHealth.Problem> problems) {
            Future<?> future = stepThreads.submit(() -> {
                step.action().run(context);
                return null;
            });
            long deadline = System.nanoTime() + limit.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new TimeoutException();
                    }
                    try {
                        future.get(Math.min(left, HEALTH_TICK.toNanos()), TimeUnit.NANOSECONDS);
                        return null;
                    } catch (TimeoutException tick) {
                        problems.addAll(health.fresh(true));
                        List<PageHealth.Problem> failing = problems.stream().filter(p -> p.mode() == PageErrors.Mode.FAIL).toList();
                        if (!failing.isEmpty()) {
                            // Not interrupted: the step's waits end by themselves once the page closes after the failure.
                            future.cancel(false);
                            return PageHealthFailure.of(failing);
                        }
                    }
                }
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                future.cancel(true);
                return new StepTimeout("the step did not finish within its timeout of " + Durations.say(limit));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return new BrokenMonitorException("the run was interrupted");
            }
        }

        private PageOptions pageOptions() {
            PageOptions.Builder options = PageOptions.builder().baseUrl(site.baseUrl()).headers(settings.traffic().headers())
                    .headers(site.headers()).userAgentSuffix(settings.traffic().userAgentSuffix())
                    .network(networkPolicy(site, journey));
            if (settings.pageTimeouts() != null) {
                options.timeouts(settings.pageTimeouts());
            }
            if (settings.viewport() != null) {
                options.viewport(settings.viewport().width(), settings.viewport().height());
            }
            return options.build();
        }

        private void keepOrDiscardTrace(Page page) {
            try {
                if (settings.trace().keepsPassing()) {
                    Files.createDirectories(folder);
                    Diagnostics.saveTrace(page, folder, site.secrets());
                } else {
                    page.discardTrace();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not stop the trace: " + e.getMessage());
            }
        }
    }

    /** What the network layer of a page on {@code site} does: basic auth, orders blocked or watched, hosts blocked. */
    NetworkPolicy networkPolicy(Site site, Journey journey) {
        boolean ordersAllowed = !site.production() || settings.allowOrders().contains(site.name());
        List<RequestRule> rules = new ArrayList<>();
        Set<RequestPattern> orders = new LinkedHashSet<>(journey.orderRequests());
        orders.addAll(settings.orderRequests());
        // Watched where orders are allowed: a journey that got past an order placement is then never retried.
        orders.forEach(order -> rules.add(RequestRule.order(site.baseUrl(), order, !ordersAllowed)));
        rules.addAll(settings.blockedHosts());
        return new NetworkPolicy(site.basicAuth(), site.basicAuth() == null ? null : site.baseUrl(), rules);
    }

    /** The requests the rules caught, step by step: a blocked order breaks the journey, a sent one stops retries. */
    private static final class NetworkWatch {
        private int seen;
        private boolean orderSent;

        Throwable check(Page page, Site site) {
            List<InterceptedRequest> all;
            try {
                all = page.interceptedRequests();
            } catch (RuntimeException e) {
                return null;
            }
            List<InterceptedRequest> fresh = all.subList(Math.min(seen, all.size()), all.size());
            seen = all.size();
            Throwable verdict = null;
            for (InterceptedRequest r : fresh) {
                if (r.rule().kind() == RequestRule.Kind.ORDER && r.blocked() && verdict == null) {
                    verdict = new OrderRefusedException(site.name(), r.method() + " " + r.url()
                            + " (the profile's order request " + r.rule().shown() + ")");
                } else if (r.rule().kind() == RequestRule.Kind.ORDER) {
                    orderSent = true;
                }
            }
            return verdict;
        }

        boolean orderSent() {
            return orderSent;
        }
    }

    private static boolean startTrace(Page page) {
        try {
            page.startTrace();
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not start a trace: " + e.getMessage());
            return false;
        }
    }

    private static List<ConsoleError> safeConsoleErrors(Page page) {
        try {
            return page.consoleErrors();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
