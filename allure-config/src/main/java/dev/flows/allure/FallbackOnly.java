package dev.flows.allure;

import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.ResultKey;
import dev.flows.site.Site;
import io.qameta.allure.model.TestResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds failures on a fallback site whose live site passed the same journey on the same engine: "fallback only"
 * reads as a provider's incident, not an application bug. Sites finish in any order, so a fallback failure heard
 * before its live result is held until the live verdict arrives.
 *
 * <p>Thread-safe. {@link #record} returns the Allure results that it marked and that must be written (again).
 */
public final class FallbackOnly {

    // Keyed by the live site's result key: a fallback's result is matched to it with ResultKey.sameCheck.
    private final List<ResultKey> primaryPassed = new ArrayList<>();
    private final Map<ResultKey, List<TestResult>> waiting = new HashMap<>();
    private final Map<TestResult, String> marked = new java.util.IdentityHashMap<>();

    /** Hears a verdict and its Allure result; returns the results newly marked "fallback only". */
    public synchronized List<TestResult> record(JourneyResult result, TestResult test) {
        ResultKey key = result.key();
        List<TestResult> marked = new ArrayList<>();
        if (Site.PRIMARY_ROLE.equals(result.role())) {
            List<ResultKey> held = waiting.keySet().stream().filter(key::sameCheck).toList();
            for (ResultKey fallback : held) {
                List<TestResult> tests = waiting.remove(fallback);
                if (result.outcome().isSuccess()) {
                    tests.forEach(t -> mark(t, key.site()));
                    marked.addAll(tests);
                }
            }
            if (result.outcome().isSuccess()) {
                primaryPassed.add(key);
            }
        } else if (result.outcome() == Outcome.FAILED) {
            Optional<ResultKey> primary = primaryPassed.stream().filter(key::sameCheck).findFirst();
            if (primary.isPresent()) {
                mark(test, primary.get().site());
                marked.add(test);
            } else {
                waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(test);
            }
        }
        return marked;
    }

    /**
     * Marks every result marked so far again and returns them: a test framework's adapter replaces the status
     * details of a failed test with its exception's after the test method returned, so the glue re-marks and
     * rewrites them once the suite is over.
     */
    public synchronized List<TestResult> markAgain() {
        marked.forEach(AllureJourney::markFallbackOnly);
        return List.copyOf(marked.keySet());
    }

    private void mark(TestResult test, String primarySite) {
        AllureJourney.markFallbackOnly(test, primarySite);
        marked.put(test, primarySite);
    }
}
