package dev.flows.heartbeat;

import dev.flows.browser.Durations;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunResult;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a run tells its heartbeats when it ends: the checks it made, how long it took, and where the report is.
 *
 * <pre>{@code
 * RunSummary summary = RunSummary.builder()
 *     .duration(Duration.ofSeconds(42))
 *     .check("guest checkout", "live", Outcome.FAILED, "step 4 'add to cart': button not found")
 *     .check("guest checkout", "fallback", Outcome.PASSED, null)
 *     .reportLink(URI.create("https://example.github.io/flows/report/42/"))
 *     .build();
 * summary.text(); // "2 checks: 1 passed, 1 failed. First failure: guest checkout on live, step 4 'add to cart': ..."
 * }</pre>
 *
 * @param duration     how long the run took
 * @param checks       every check the run made, in the order it made them
 * @param brokenReason why the monitor itself could not do its job (bad config, no browser), or null
 * @param reportLink   where the full report is, or null
 */
public record RunSummary(Duration duration, List<Check> checks, String brokenReason, URI reportLink) {

    /** The result of a whole run, as a heartbeat reports it. */
    public enum Status {
        /** Every check passed (flaky and degraded checks included). */
        PASSED,
        /** At least one check failed or broke. */
        FAILED,
        /** The monitor could not do its job, so nobody knows how the shop is. */
        BROKEN
    }

    /**
     * The outcome of one check. {@link #FLAKY} (passed on a retry) and {@link #DEGRADED} (worked, but over its
     * budget) count as success for the heartbeat: the shop works, and the body still names them.
     */
    public enum Outcome {
        PASSED, FLAKY, DEGRADED, FAILED, BROKEN;

        boolean isFailure() {
            return this == FAILED || this == BROKEN;
        }

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One journey on one site.
     *
     * @param failure the failing step and what went wrong, e.g. "step 4 'add to cart': button not found"; null
     *                when the check did not fail
     */
    public record Check(String journey, String site, Outcome outcome, String failure) {
        public Check {
            requireText(journey, "check journey");
            requireText(site, "check site");
            Objects.requireNonNull(outcome, "check outcome is null for " + journey + " on " + site);
        }

        /** A journey's (or page check's) result as one check of a heartbeat summary. */
        public static Check of(JourneyResult result) {
            String failure = switch (result.outcome()) {
                case PASSED -> null;
                case DEGRADED -> String.join("; ", result.notes());
                default -> result.summaryLine();
            };
            return new Check(result.journey(), result.key().where(), Outcome.valueOf(result.outcome().name()), failure);
        }

        String describe() {
            return journey + " on " + site;
        }
    }

    public RunSummary {
        Objects.requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        checks = List.copyOf(Objects.requireNonNull(checks, "checks is null"));
        if (brokenReason != null && brokenReason.isBlank()) {
            brokenReason = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A run's results as a heartbeat summary: a check per journey, site and engine. */
    public static RunSummary of(RunResult run) {
        Builder summary = builder().duration(run.took());
        run.results().forEach(r -> summary.check(Check.of(r)));
        return summary.build();
    }

    /** A run that could not do its job at all; every heartbeat reports failure. */
    public static RunSummary broken(String reason, Duration duration) {
        requireText(reason, "broken reason");
        return new RunSummary(duration, List.of(), reason, null);
    }

    public Status status() {
        if (brokenReason != null) {
            return Status.BROKEN;
        }
        return checks.stream().anyMatch(c -> c.outcome().isFailure()) ? Status.FAILED : Status.PASSED;
    }

    public boolean passed() {
        return status() == Status.PASSED;
    }

    /** The first failed check as "journey on site, failure", if any. */
    public Optional<String> firstFailure() {
        return checks.stream()
                .filter(c -> c.outcome().isFailure())
                .findFirst()
                .map(c -> c.describe() + (c.failure() == null || c.failure().isBlank() ? "" : ", " + c.failure()));
    }

    public Optional<URI> report() {
        return Optional.ofNullable(reportLink);
    }

    /**
     * One line for a heartbeat message: counts by outcome, the first failure and the report link, e.g.
     * {@code "12 checks: 11 passed, 1 failed. First failure: guest checkout on live, step 4 'add to cart': timeout"}.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (brokenReason != null) {
            out.append("Monitor broken: ").append(brokenReason).append('.');
        }
        if (brokenReason == null || !checks.isEmpty()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(checks.size()).append(checks.size() == 1 ? " check" : " checks");
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            checks.forEach(c -> counts.merge(c.outcome(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((outcome, n) -> parts.add(n + " " + outcome.word()));
            out.append(parts.isEmpty() ? "." : ": " + String.join(", ", parts) + ".");
        }
        firstFailure().ifPresent(f -> out.append(" First failure: ").append(f).append('.'));
        if (reportLink != null) {
            out.append(" Report: ").append(reportLink);
        }
        return out.toString();
    }

    /** {@link #text()}, then a line per check and the duration: the body for services that keep a log. */
    String body(String runId) {
        StringBuilder out = new StringBuilder(text()).append('\n');
        out.append("run ").append(runId).append(", ").append(Durations.say(duration)).append('\n');
        for (Check c : checks) {
            out.append(c.outcome()).append(' ').append(c.describe());
            if (c.failure() != null && !c.failure().isBlank()) {
                out.append(": ").append(c.failure());
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** This summary with only the checks that a scoped target judges by. */
    RunSummary only(Predicate<Check> scope) {
        return new RunSummary(duration, checks.stream().filter(scope).toList(), brokenReason, reportLink);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }

    /** Builds a {@link RunSummary}; {@code duration} is required. */
    public static final class Builder {
        private Duration duration;
        private final List<Check> checks = new ArrayList<>();
        private String brokenReason;
        private URI reportLink;

        private Builder() {
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder check(String journey, String site, Outcome outcome, String failure) {
            return check(new Check(journey, site, outcome, failure));
        }

        public Builder check(Check check) {
            checks.add(Objects.requireNonNull(check, "check is null"));
            return this;
        }

        /** Marks the run as one where the monitor itself failed (bad config, no browser...). */
        public Builder brokenMonitor(String reason) {
            this.brokenReason = reason;
            return this;
        }

        public Builder reportLink(URI reportLink) {
            this.reportLink = reportLink;
            return this;
        }

        public RunSummary build() {
            if (duration == null) {
                throw new IllegalArgumentException("run summary needs a duration");
            }
            return new RunSummary(duration, checks, brokenReason, reportLink);
        }
    }
}
