package dev.flows.alert;

import dev.flows.heartbeat.RunSummary;
import dev.flows.run.Attempt;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertStateTest {

    private static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T10:01:00Z");
    private static final Instant T3 = Instant.parse("2026-11-21T10:02:00Z");
    private static final Instant T4 = Instant.parse("2026-11-21T10:03:00Z");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private AlertState load(int after) {
        return AlertState.load(dir.resolve("state/alert-state.json"), after, warnings::add);
    }

    private static JourneyResult page(String type, String site, Outcome outcome) {
        String failure = outcome.isSuccess() ? null : type + " on " + site + ": expected status 200, got 500 (GET http://x/, 3 ms)";
        StepResult step = new StepResult(1, "GET /", outcome.isSuccess(), T1, Duration.ofMillis(3), null, failure);
        return new JourneyResult(ResultKey.pageCheck(type, site), "page check", "primary", outcome, Duration.ofMillis(3),
                List.of(new Attempt(1, outcome, T1, List.of(step), Duration.ofMillis(3), failure, List.of(), null)), Map.of());
    }

    private static JourneyResult journey(String name, String site, Outcome outcome) {
        String failure = outcome.isSuccess() ? null : "'" + name + "' on " + site + " [playwright]: FAILED at step 4 'add to cart'\nmore";
        StepResult step = new StepResult(1, "landing", outcome.isSuccess(), T1, Duration.ofSeconds(1), null, failure);
        return new JourneyResult(ResultKey.journey(name, site, "playwright"), "shop", "primary", outcome, Duration.ofSeconds(1),
                List.of(new Attempt(1, outcome, T1, List.of(step), Duration.ofSeconds(1), failure, List.of(), null)), Map.of());
    }

    private static RunResult run(JourneyResult... results) {
        return new RunResult("r", Path.of("out"), Duration.ofSeconds(2), List.of(results));
    }

    @Test
    void keysNameTheCheckTheSiteAndTheEngine() {
        assertEquals("page:landing@live", AlertState.key(page("landing", "live", Outcome.PASSED)));
        assertEquals("journey:guest checkout@live[playwright]", AlertState.key(journey("guest checkout", "live", Outcome.PASSED)));
    }

    @Test
    void aJourneyNamedLikeAPageCheckIsStillAJourney() {
        assertEquals("journey:page: landing@live[playwright]", AlertState.key(journey("page: landing", "live", Outcome.PASSED)));
    }

    @Test
    void theReportSaysEachTransitionAsAValue() {
        AlertState state = load(1);
        JourneyResult failed = page("landing", "live", Outcome.FAILED);
        assertEquals(java.util.Optional.of(AlertReport.Transition.RAISED), state.record(run(failed), T1).transition(failed.key()));
        JourneyResult passed = page("landing", "live", Outcome.PASSED);
        AlertReport recovered = state.record(run(passed), T2);
        assertEquals(java.util.Optional.of(AlertReport.Transition.RECOVERED), recovered.transition(passed.key()));
        assertEquals(java.util.Optional.empty(), recovered.transition(ResultKey.pageCheck("cart", "live")));
    }

    @Test
    void theAlarmOpensOnlyAtTheNthFailureInARowAndRecoveryIsReportedOnce() {
        AlertState state = load(3);
        AlertReport first = state.record(run(page("landing", "live", Outcome.FAILED)), T1);
        assertFalse(first.alarm());
        assertEquals(List.of("page:landing@live: FAILED 1 of 3 times in a row before the alarm"), first.pending());
        AlertReport second = state.record(run(page("landing", "live", Outcome.FAILED)), T2);
        assertFalse(second.alarm(), "N-1 failures: no alarm");
        assertEquals(RunSummary.Status.PASSED, state.summary(run(page("landing", "live", Outcome.FAILED)), second).status());

        AlertReport third = state.record(run(page("landing", "live", Outcome.FAILED)), T3);
        assertTrue(third.alarm());
        assertEquals(List.of("ALARM page:landing@live: FAILED 3 times in a row since 2026-11-21T10:00:00Z: "
                + "landing on live: expected status 200, got 500 (GET http://x/, 3 ms)"), third.raised());
        assertEquals(RunSummary.Status.FAILED, state.summary(run(page("landing", "live", Outcome.FAILED)), third).status());

        AlertReport fourth = state.record(run(page("landing", "live", Outcome.FAILED)), T4);
        assertTrue(fourth.alarm());
        assertEquals(List.of(), fourth.raised(), "an alarm already open is not raised again");

        AlertReport recovered = state.record(run(page("landing", "live", Outcome.PASSED)), T4);
        assertFalse(recovered.alarm());
        assertEquals(List.of("RECOVERED page:landing@live: PASSED again after 4 times in a row since 2026-11-21T10:00:00Z"),
                recovered.recovered());
        RunSummary summary = state.summary(run(page("landing", "live", Outcome.PASSED)), recovered);
        assertEquals(RunSummary.Status.PASSED, summary.status());
        assertEquals("recovered", summary.checks().get(0).failure());

        AlertReport after = state.record(run(page("landing", "live", Outcome.PASSED)), T4);
        assertEquals(List.of(), after.recovered(), "a recovery is reported once");
    }

    @Test
    void aSuccessBreaksTheRow() {
        AlertState state = load(2);
        state.record(run(page("cart", "live", Outcome.FAILED)), T1);
        state.record(run(page("cart", "live", Outcome.DEGRADED)), T2);
        AlertReport report = state.record(run(page("cart", "live", Outcome.FAILED)), T3);
        assertFalse(report.alarm());
        assertEquals(1, state.checks().get("page:cart@live").consecutiveFailures());
        assertEquals(T3.toString(), state.checks().get("page:cart@live").firstFailure());
    }

    @Test
    void checksCountSeparatelyAndBrokenCountsAsAFailure() {
        AlertState state = load(2);
        state.record(run(page("cart", "live", Outcome.FAILED), journey("guest checkout", "live", Outcome.BROKEN)), T1);
        AlertReport report = state.record(run(page("cart", "fallback", Outcome.FAILED),
                journey("guest checkout", "live", Outcome.BROKEN)), T2);
        assertEquals(List.of("ALARM journey:guest checkout@live[playwright]: BROKEN 2 times in a row since "
                + "2026-11-21T10:00:00Z: 'guest checkout' on live [playwright]: FAILED at step 4 'add to cart'"), report.raised());
        assertEquals(1, state.checks().get("page:cart@fallback").consecutiveFailures());
    }

    @Test
    void anOpenAlarmOfACheckNotMadeInThisRunKeepsTheHeartbeatFailing() {
        AlertState state = load(1);
        state.record(run(journey("guest checkout", "live", Outcome.FAILED)), T1);
        RunResult pagesOnly = run(page("landing", "live", Outcome.PASSED));
        AlertReport report = state.record(pagesOnly, T2);
        assertTrue(report.alarm());
        RunSummary summary = state.summary(pagesOnly, report);
        assertEquals(RunSummary.Status.FAILED, summary.status());
        assertEquals("guest checkout on live [playwright], 'guest checkout' on live [playwright]: FAILED at step 4 "
                + "'add to cart' (alarm open since 2026-11-21T10:00:00Z, not checked in this run)", summary.firstFailure().orElseThrow());
    }

    @Test
    void theStateSurvivesARoundTripThroughItsFile() throws IOException {
        AlertState state = load(2);
        state.record(run(page("landing", "live", Outcome.FAILED)), T1);
        state.save();
        assertTrue(Files.readString(state.file()).contains("\"page:landing@live\""));
        try (var files = Files.list(state.file().getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }

        AlertState next = load(2);
        assertEquals(List.of("alert state " + state.file() + " not found: starting fresh"), warnings, "only the first load");
        assertEquals(state.checks(), next.checks());
        AlertReport report = next.record(run(page("landing", "live", Outcome.FAILED)), T2);
        assertTrue(report.alarm(), "the second failure in a row, across processes");
    }

    @Test
    void aCorruptFileStartsFreshWithOneWarning() throws IOException {
        Path file = dir.resolve("state/alert-state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ \"checks\": { \"page:landing@live\": [1, 2");
        AlertState state = AlertState.load(file, 1, warnings::add);
        assertEquals(Map.of(), state.checks());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("alert state " + file + " is unreadable ("), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("): starting fresh"), warnings.get(0));
        assertFalse(warnings.get(0).contains("\n"));

        state.record(run(page("landing", "live", Outcome.FAILED)), T1);
        state.save();
        assertEquals(1, AlertState.load(file, 1, warnings::add).checks().get("page:landing@live").consecutiveFailures());
    }

    @Test
    void aBadThresholdIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> load(0));
        assertEquals("alert threshold must be between 1 and 100: 0", e.getMessage());
    }
}
