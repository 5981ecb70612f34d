package dev.flows.testng;

import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import org.testng.ITestContext;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.List;

/**
 * Journeys as ordinary TestNG tests: one test per journey, site and engine of the suite's {@link FlowsSetup}.
 * Retries happen inside Flows (a fresh page), not through TestNG's retry analyzer, so a recovered journey is one
 * passed test marked flaky in Allure instead of a skipped test plus a passed one. The test fails only when the
 * journey FAILED (an {@link AssertionError}: Allure "failed") or was BROKEN (Allure "broken").
 *
 * <pre>{@code
 * public class ShopJourneyTests extends JourneyTests {
 *     protected List<Journey> journeys() {
 *         return new ShopJourneys(Storefront.demoStore()).all();
 *     }
 * }
 * }</pre>
 *
 * <p>Parallel: the data provider is parallel; the suite's {@code data-provider-thread-count} says how many
 * journeys run at once (each in its own run and page; the suite's browsers are thread-safe).
 */
public abstract class JourneyTests {

    /** The journeys to run on every site. */
    protected abstract List<Journey> journeys();

    @DataProvider(name = "journeys", parallel = true)
    public Object[][] journeysOnSites(ITestContext context) {
        return FlowsSession.of(context).cases(journeys());
    }

    @Test(dataProvider = "journeys")
    public void journey(JourneyCase journeyCase, ITestContext context) {
        JourneyResult result = FlowsSession.of(context).run(journeyCase);
        switch (result.outcome()) {
            case FAILED -> throw new JourneyFailedError(result.message());
            case BROKEN -> throw new BrokenVerdictException(result.message());
            default -> {
                // PASSED, FLAKY and DEGRADED: the shop worked; the Allure result says how.
            }
        }
    }
}
