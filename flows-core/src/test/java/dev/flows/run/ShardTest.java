package dev.flows.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardTest {

    private static List<String> combinations(int journeys, int sites, int engines) {
        List<String> all = new ArrayList<>();
        for (int j = 0; j < journeys; j++) {
            for (int s = 0; s < sites; s++) {
                for (int e = 0; e < engines; e++) {
                    all.add(Shard.key("journey " + j, "site " + s, "engine " + e));
                }
            }
        }
        return all;
    }

    @Test
    void shardsTogetherPickEveryCombinationOnceAndEvenly() {
        for (int n = 1; n <= 7; n++) {
            List<String> all = combinations(5, 3, 2);
            Set<String> seen = new HashSet<>();
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int i = 1; i <= n; i++) {
                List<String> mine = new Shard(i, n).pick(all, k -> k);
                mine.forEach(k -> assertTrue(seen.add(k), "picked twice: " + k));
                smallest = Math.min(smallest, mine.size());
                largest = Math.max(largest, mine.size());
            }
            assertEquals(new HashSet<>(all), seen, "every combination once with " + n + " shards");
            assertTrue(largest - smallest <= 1, "even: " + smallest + ".." + largest + " with " + n + " shards");
        }
    }

    @Test
    void theSplitDoesNotDependOnTheOrderTheJourneysAreListedIn() {
        List<String> all = combinations(4, 2, 2);
        List<String> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        Shard shard = Shard.parse("2/3");
        assertEquals(new HashSet<>(shard.pick(all, k -> k)), new HashSet<>(shard.pick(reversed, k -> k)));
    }

    @Test
    void parsesAndRefusesWithOneLine() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals(new Shard(2, 3), Shard.parse(" 2 / 3 "));
        assertEquals("2/3", Shard.parse("2/3").toString());
        assertEquals("shard must be i/n with 1 <= i <= n, e.g. 2/3: 4/3",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3")).getMessage());
        assertEquals("shard must be i/n with 1 <= i <= n, e.g. 2/3: 0/3",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3")).getMessage());
        assertEquals("shard must be i/n, e.g. 2/3: \"two of three\"",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse("two of three")).getMessage());
        assertEquals("shard must be i/n, e.g. 2/3: \"\"",
                assertThrows(IllegalArgumentException.class, () -> Shard.parse(null)).getMessage());
    }
}
