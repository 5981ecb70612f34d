package dev.flows.testng;

import dev.flows.journey.Journey;
import dev.flows.run.Shard;
import dev.flows.site.Site;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code -Dflows.shard=i/n} splits the data provider's journeys x sites x engines as {@code flows run --shard} does. */
class ShardedCasesTest {

    @Test
    void threeShardsCoverEveryCaseOnceAndEvenly() {
        List<Journey> journeys = new ArrayList<>();
        for (String name : List.of("guest checkout", "search", "cart editing", "account login", "browse")) {
            journeys.add(Journey.builder(name).step("open", ctx -> ctx.page().open("/")).build());
        }
        List<Site> sites = List.of(Site.builder("live").url("http://127.0.0.1:9/").build(),
                Site.builder("fallback").url("http://127.0.0.1:10/").role("fallback").build());
        List<String> engines = List.of("playwright", "selenium");
        List<JourneyCase> all = FlowsSession.cases(journeys, sites, engines, Shard.ALL);
        assertEquals(20, all.size());
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            List<JourneyCase> mine = FlowsSession.cases(journeys, sites, engines, new Shard(i, 3));
            assertTrue(mine.size() == 6 || mine.size() == 7, "20 cases in 3 shards: 7, 7, 6; got " + mine.size());
            mine.forEach(c -> assertTrue(seen.add(c.toString()), "twice: " + c));
        }
        assertEquals(all.stream().map(JourneyCase::toString).collect(java.util.stream.Collectors.toSet()), seen);
    }
}
