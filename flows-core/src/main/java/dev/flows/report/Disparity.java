package dev.flows.report;

import dev.flows.run.JourneyResult;
import dev.flows.site.Site;

import java.util.List;

/**
 * How one check (a journey on one engine, or a page check) fares across the sites: "live failing, fallback
 * passing" is news of another kind than "failing on every site". The live site is the one whose role is
 * {@value Site#PRIMARY_ROLE}; every other role counts as a fallback.
 *
 * <pre>{@code
 * Disparity.of(List.of(liveFailed, fallbackPassed));   // LIVE_FAILING, "live failing, fallback passing"
 * }</pre>
 */
public enum Disparity {
    /** Worked on every site (PASSED, FLAKY or DEGRADED). */
    NONE("passing on every site"),
    /** Failed on the live site, worked on every fallback: the live deployment has a problem of its own. */
    LIVE_FAILING("live failing, fallback passing"),
    /** Worked on the live site, failed on a fallback: the fallback is not ready to take over. */
    FALLBACK_FAILING("fallback failing, live passing"),
    /** Failed on every site: the shop (or the journey) is broken everywhere. */
    ALL_FAILING("failing on every site"),
    /** Failed on some sites in another pattern (no live site among them, or several live sites that disagree). */
    SOME_FAILING("failing on some sites");

    private final String says;

    Disparity(String says) {
        this.says = says;
    }

    /** The classification in words, as the console and the JSON report say it. */
    public String says() {
        return says;
    }

    /** Classifies the results of one check, one per site; FAILED and BROKEN count as failing. */
    public static Disparity of(List<JourneyResult> onEachSite) {
        List<JourneyResult> live = onEachSite.stream().filter(r -> Site.PRIMARY_ROLE.equals(r.role())).toList();
        List<JourneyResult> fallbacks = onEachSite.stream().filter(r -> !Site.PRIMARY_ROLE.equals(r.role())).toList();
        if (onEachSite.stream().noneMatch(Disparity::failing)) {
            return NONE;
        }
        if (onEachSite.stream().allMatch(Disparity::failing)) {
            return ALL_FAILING;
        }
        if (!live.isEmpty() && !fallbacks.isEmpty()) {
            if (live.stream().allMatch(Disparity::failing) && fallbacks.stream().noneMatch(Disparity::failing)) {
                return LIVE_FAILING;
            }
            if (live.stream().noneMatch(Disparity::failing)) {
                return FALLBACK_FAILING;
            }
        }
        return SOME_FAILING;
    }

    private static boolean failing(JourneyResult result) {
        return !result.outcome().isSuccess();
    }
}
