package dev.flows.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TracePolicyTest {

    @Test
    void onFirstRetryRecordsOnlyTheSecondAttempt() {
        assertFalse(TracePolicy.ON_FIRST_RETRY.records(1));
        assertTrue(TracePolicy.ON_FIRST_RETRY.records(2));
        assertFalse(TracePolicy.ON_FIRST_RETRY.records(3));
        assertFalse(TracePolicy.ON_FIRST_RETRY.keepsPassing());
    }

    @Test
    void retainOnFailureRecordsEveryAttemptButKeepsOnlyFailures() {
        assertTrue(TracePolicy.RETAIN_ON_FAILURE.records(1));
        assertTrue(TracePolicy.RETAIN_ON_FAILURE.records(3));
        assertFalse(TracePolicy.RETAIN_ON_FAILURE.keepsPassing());
    }

    @Test
    void onKeepsEverythingAndOffRecordsNothing() {
        assertTrue(TracePolicy.ON.records(1));
        assertTrue(TracePolicy.ON.keepsPassing());
        assertFalse(TracePolicy.OFF.records(1));
        assertFalse(TracePolicy.OFF.records(2));
    }

    @Test
    void theDefaultLeavesAFailingJourneyWithATraceAndAPassingOneWithoutCost() {
        // With a retry, a journey that fails for good has failed its traced first retry.
        assertEquals(TracePolicy.ON_FIRST_RETRY, TracePolicy.defaultFor(1));
        assertEquals(TracePolicy.ON_FIRST_RETRY, TracePolicy.defaultFor(3));
        // Without one, its only attempt must be traced.
        assertEquals(TracePolicy.RETAIN_ON_FAILURE, TracePolicy.defaultFor(0));
    }
}
