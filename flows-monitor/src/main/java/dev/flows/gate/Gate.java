package dev.flows.gate;

import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.browser.Durations;
import dev.flows.check.PageCheck;
import dev.flows.check.PageCheckResult;
import dev.flows.check.PageChecks;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The canary gate: runs the same journeys and page checks on a baseline and a candidate site, round after round,
 * interleaved, and compares them ({@link GateAnalysis}).
 *
 * <pre>{@code
 * GateReport report = Gate.builder()
 *     .baseline(stable).candidate(canary)
 *     .journeys(List.of(addToCart))
 *     .pageChecks(site -> List.of(new PageCheck(site, "landing", "/", 200, "Bean & Burr", null)))
 *     .engine(BrowserConfig.playwright().build())
 *     .policy(GatePolicy.builder().rounds(10).build())
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>Interleaved: round 1 runs the baseline then the candidate, round 2 the candidate then the baseline, and so on,
 * so that a machine that slows down (or warms up) over the gate's minutes affects both sides alike. Journeys are
 * not retried: the gate counts every attempt, and a retry would hide exactly the failures it is there to see.
 * The warm-up rounds run first and are not counted.
 */
public final class Gate {

    private final Site baseline;
    private final Site candidate;
    private final List<Journey> journeys;
    private final Function<Site, List<PageCheck>> pageChecks;
    private final List<BrowserConfig> engines;
    private final Consumer<Run.Builder> runSettings;
    private final PageChecks.Builder pageClient;
    private final GatePolicy policy;
    private final Path output;
    private final PrintStream out;

    private Gate(Builder b) {
        this.baseline = b.baseline;
        this.candidate = b.candidate;
        this.journeys = List.copyOf(b.journeys);
        this.pageChecks = b.pageChecks;
        this.engines = List.copyOf(b.engines);
        this.runSettings = b.runSettings;
        this.pageClient = b.pageClient;
        this.policy = b.policy;
        this.output = b.output;
        this.out = b.out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs every round and compares; never throws for a site's problem. */
    public GateReport run() {
        List<JourneyResult> base = new ArrayList<>();
        List<JourneyResult> cand = new ArrayList<>();
        List<Browser> launched = new ArrayList<>();
        try (PageChecks checker = pageClient.build()) {
            if (!journeys.isEmpty()) {
                for (BrowserConfig config : engines) {
                    // A browser that cannot start is launched again by each run, which makes its journeys BROKEN
                    // with the reason: the gate then says hold, never promote.
                    try {
                        launched.add(Browser.launch(config));
                    } catch (RuntimeException e) {
                        out.println("gate: the " + config.engine().id() + " browser could not start: "
                                + dev.flows.browser.Messages.firstLine(e.getMessage()));
                    }
                }
            }
            int total = policy.warmup() + policy.rounds();
            for (int k = 0; k < total; k++) {
                boolean counted = k >= policy.warmup();
                List<Site> order = k % 2 == 0 ? List.of(baseline, candidate) : List.of(candidate, baseline);
                String label = counted ? "round " + (k - policy.warmup() + 1) + "/" + policy.rounds() : "warm-up " + (k + 1) + "/" + policy.warmup();
                out.println("== " + label + ": " + order.get(0).name() + " then " + order.get(1).name());
                for (Site site : order) {
                    List<JourneyResult> results = round(site, k, checker, launched);
                    if (counted) {
                        (site == baseline ? base : cand).addAll(results);
                    }
                    long failed = results.stream().filter(r -> !r.outcome().isSuccess()).count();
                    out.println("   " + site.name() + ": " + results.size() + " checks, " + failed + " failed");
                }
            }
        } finally {
            launched.forEach(Browser::close);
        }
        return GateAnalysis.compare(policy, baseline.name(), base, candidate.name(), cand);
    }

    private List<JourneyResult> round(Site site, int k, PageChecks checker, List<Browser> launched) {
        List<JourneyResult> results = new ArrayList<>();
        for (PageCheckResult r : checker.run(pageChecks.apply(site), r -> { })) {
            results.add(r.toJourneyResult());
        }
        if (!journeys.isEmpty()) {
            Run.Builder run = Run.builder();
            runSettings.accept(run);
            run.retries(0).sites(List.of(site)).journeys(journeys).output(output).runId("gate-" + (k + 1) + "-" + site.name());
            launched.forEach(run::browser);
            engines.stream().filter(c -> launched.stream().noneMatch(b -> b.engine().equals(c.engine().id()))).forEach(run::engine);
            RunResult result = run.build().execute();
            result.results().forEach(r -> {
                if (!r.outcome().isSuccess()) {
                    out.println("   " + r.summaryLine() + " (" + Durations.say(r.took()) + ")");
                }
            });
            results.addAll(result.results());
        }
        return results;
    }

    /** Builds a {@link Gate}: a baseline, a candidate, something to compare and, for journeys, an engine. */
    public static final class Builder {
        private Site baseline;
        private Site candidate;
        private final List<Journey> journeys = new ArrayList<>();
        private Function<Site, List<PageCheck>> pageChecks = site -> List.of();
        private final List<BrowserConfig> engines = new ArrayList<>();
        private Consumer<Run.Builder> runSettings = run -> { };
        private PageChecks.Builder pageClient = PageChecks.builder();
        private GatePolicy policy = GatePolicy.defaults();
        private Path output = Path.of("target", "flows-output");
        private PrintStream out = System.out;

        private Builder() {
        }

        /** The site as it is now: the stable version. */
        public Builder baseline(Site site) {
            this.baseline = Objects.requireNonNull(site, "baseline");
            return this;
        }

        /** The site with the new version: the canary. */
        public Builder candidate(Site site) {
            this.candidate = Objects.requireNonNull(site, "candidate");
            return this;
        }

        public Builder journeys(List<Journey> journeys) {
            this.journeys.addAll(journeys);
            return this;
        }

        /** The page checks of a site, e.g. from {@code flows.yaml}'s {@code checks.pages}. */
        public Builder pageChecks(Function<Site, List<PageCheck>> pageChecks) {
            this.pageChecks = Objects.requireNonNull(pageChecks, "pageChecks");
            return this;
        }

        /** An engine for the journeys, launched once for all rounds. */
        public Builder engine(BrowserConfig config) {
            engines.add(Objects.requireNonNull(config, "engine"));
            return this;
        }

        /** Run settings (timeouts, traffic marking...), e.g. {@code config::applySettingsTo}; retries are always 0. */
        public Builder runSettings(Consumer<Run.Builder> settings) {
            this.runSettings = Objects.requireNonNull(settings, "runSettings");
            return this;
        }

        public Builder pageClient(PageChecks.Builder client) {
            this.pageClient = Objects.requireNonNull(client, "pageClient");
            return this;
        }

        public Builder policy(GatePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where the rounds' diagnostics go (default {@code target/flows-output}). */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Progress lines (default standard output). */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        public Gate build() {
            if (baseline == null || candidate == null) {
                throw new IllegalArgumentException("the gate needs a baseline and a candidate site");
            }
            if (baseline.name().equals(candidate.name())) {
                throw new IllegalArgumentException("the gate's baseline and candidate are the same site: '" + baseline.name() + "'");
            }
            if (!journeys.isEmpty() && engines.isEmpty()) {
                throw new IllegalArgumentException("journeys need an engine: engine(BrowserConfig)");
            }
            return new Gate(this);
        }
    }
}
