package dev.flows.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} equal parts of a run's journeys x sites x engines, so that several CI runners share the work:
 * shards 1/3, 2/3 and 3/3 together run every combination exactly once.
 *
 * <pre>{@code
 * Shard shard = Shard.parse("2/3");
 * Run.builder()...shard(shard).build().execute();    // this runner's third
 * }</pre>
 *
 * <p>The split is deterministic and even: every combination gets a key ("journey / site / engine"), the keys are
 * sorted, and the k-th key (from 0) goes to shard {@code k mod count + 1}. Sorting by name, not by the order of the
 * code, keeps every runner's split the same however the journeys are listed; round-robin over the sorted keys
 * leaves the shards at most one combination apart.
 *
 * @param index 1-based, at most {@code count}
 * @param count how many shards there are, at least 1
 */
public record Shard(int index, int count) {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");

    /** The whole run: one shard of one. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/n with 1 <= i <= n, e.g. 2/3: " + index + "/" + count);
        }
    }

    /** "2/3" to shard 2 of 3; a one-line error naming the value otherwise. */
    public static Shard parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("shard must be i/n, e.g. 2/3: \"" + (text == null ? "" : text) + "\"");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The key the split sorts by: journey, site and engine. */
    public static String key(String journey, String site, String engine) {
        return journey + " / " + site + " / " + engine;
    }

    /** This shard's items of {@code all}, in their original order. */
    public <T> List<T> pick(List<T> all, Function<T, String> key) {
        if (count == 1) {
            return List.copyOf(all);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> key.apply(all.get(i))).thenComparing(i -> i));
        boolean[] mine = new boolean[all.size()];
        for (int k = 0; k < order.size(); k++) {
            mine[order.get(k)] = k % count == index - 1;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (mine[i]) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** "2/3". */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
