package dev.flows.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flows.heartbeat.RunSummary.Outcome;
import dev.flows.heartbeat.RunSummary.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The short text every heartbeat carries: it is the product, so it is asserted exactly. */
class RunSummaryTest {

    @Test
    void texts() {
        assertEquals(Fixtures.PASSED_TEXT, Fixtures.PASSED.text());
        assertEquals(Fixtures.FAILED_TEXT, Fixtures.FAILED.text());
        assertEquals("1 check: 1 degraded.", RunSummary.builder().duration(Duration.ZERO)
                .check("search", "live", Outcome.DEGRADED, null).build().text());
        assertEquals("0 checks.", RunSummary.builder().duration(Duration.ZERO).build().text());
        assertEquals("Monitor broken: no browser found.", RunSummary.broken("no browser found", Duration.ZERO).text());
        assertEquals("Monitor broken: config error. 1 check: 1 broken. First failure: search on live.",
                RunSummary.builder().duration(Duration.ZERO).brokenMonitor("config error")
                        .check("search", "live", Outcome.BROKEN, null).build().text());
    }

    @Test
    void statuses() {
        assertEquals(Status.PASSED, Fixtures.PASSED.status());
        assertEquals(Status.FAILED, Fixtures.FAILED.status());
        assertEquals(Status.BROKEN, RunSummary.broken("x", Duration.ZERO).status());
    }

    @Test
    void badValues() {
        assertEquals("run summary needs a duration",
                assertThrows(IllegalArgumentException.class, () -> RunSummary.builder().build()).getMessage());
        assertEquals("check site is blank", assertThrows(IllegalArgumentException.class,
                () -> new RunSummary.Check("search", " ", Outcome.PASSED, null)).getMessage());
        assertEquals("duration must not be negative: PT-1S", assertThrows(IllegalArgumentException.class,
                () -> RunSummary.broken("x", Duration.ofSeconds(-1))).getMessage());
    }
}
