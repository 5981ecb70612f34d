package dev.flows.allure;

import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import io.qameta.allure.model.TestResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds failures on a fallback site whose live site passed the same journey on the same engine: "fallback only"
 * reads as a provider's incident, not an application bug. Sites finish in any order, so a fallback failure heard
 * before its live result is held until the live verdict arrives.
 *
 * <p>Thread-safe. {@link #record} returns the Allure results that it marked and that must be written (again).
 */
public final class FallbackOnly {

    private final Map<String, String> primaryPassed = new HashMap<>();
    private final Map<String, List<TestResult>> waiting = new HashMap<>();
    private final Map<TestResult, String> marked = new java.util.IdentityHashMap<>();

    /** Hears a verdict and its Allure result; returns the results newly marked "fallback only". */
    public synchronized List<TestResult> record(JourneyResult result, TestResult test) {
        String key = result.journey() + "|" + result.engine();
        List<TestResult> marked = new ArrayList<>();
        if (AllureJourney.PRIMARY_ROLE.equals(result.role())) {
            if (result.outcome().isSuccess()) {
                primaryPassed.put(key, result.site());
                for (TestResult held : waiting.getOrDefault(key, List.of())) {
                    mark(held, result.site());
                    marked.add(held);
                }
            }
            waiting.remove(key);
        } else if (result.outcome() == Outcome.FAILED) {
            String primary = primaryPassed.get(key);
            if (primary != null) {
                mark(test, primary);
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
