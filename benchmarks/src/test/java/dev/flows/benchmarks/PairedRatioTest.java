package dev.flows.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PairedRatioTest {

    @Test
    void aSlowSpellThatSlowsBothVariantsLeavesTheirRatioAlone() {
        // The same 10% gap every round, while the machine halves its speed for two rounds: the ratio of the medians
        // moves with the slow rounds' placement, the per-round ratio does not.
        List<Map<String, Long>> rounds = List.of(
                Map.of("a", 1100L, "b", 1000L),
                Map.of("a", 2200L, "b", 2000L),
                Map.of("a", 2200L, "b", 2000L),
                Map.of("a", 1100L, "b", 1000L),
                Map.of("a", 1100L, "b", 1000L));
        PairedRatio r = PairedRatio.of(rounds, "a", "b");
        assertEquals(5, r.n());
        assertEquals(1.10, r.median(), 1e-9);
        assertEquals(1.10, r.q1(), 1e-9);
        assertEquals(1.10, r.q3(), 1e-9);
        assertEquals("1.10 (1.10-1.10, 5 rounds)", r.say());
    }

    @Test
    void roundsWhereEitherVariantFailedAreLeftOutAndQuartilesAreNearestRank() {
        Map<String, Long> bFailed = new HashMap<>();
        bFailed.put("a", 900L);
        List<Map<String, Long>> rounds = List.of(
                Map.of("a", 1000L, "b", 1000L),
                Map.of("a", 1200L, "b", 1000L),
                bFailed,
                Map.of("a", 1100L, "b", 1000L),
                Map.of("a", 1400L, "b", 1000L));
        PairedRatio r = PairedRatio.of(rounds, "a", "b");
        assertEquals(4, r.n());
        assertEquals(1.15, r.median(), 1e-9);
        assertEquals(1.00, r.q1(), 1e-9);
        assertEquals(1.20, r.q3(), 1e-9);
    }

    @Test
    void noRoundWithBothSaysSo() {
        PairedRatio r = PairedRatio.of(List.of(Map.of("a", 1000L)), "a", "b");
        assertEquals(0, r.n());
        assertEquals("-", r.say());
    }
}
