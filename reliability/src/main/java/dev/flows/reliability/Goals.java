package dev.flows.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each goal of the suite, held or missed, with the figure that decided it. Printed as it is decided. */
final class Goals {

    private record Goal(String name, boolean held, String figure) {
    }

    private final List<Goal> goals = new ArrayList<>();

    void check(String name, boolean held, String figure) {
        goals.add(new Goal(name, held, figure));
        System.out.println((held ? "  goal held: " : "  GOAL MISSED: ") + name + " (" + figure + ")");
    }

    boolean allHeld() {
        return goals.stream().allMatch(Goal::held);
    }

    String summary() {
        long missed = goals.stream().filter(g -> !g.held()).count();
        return goals.size() + " goals: " + (goals.size() - missed) + " held, " + missed + " missed"
                + (missed == 0 ? "" : ": " + String.join("; ", goals.stream().filter(g -> !g.held()).map(Goal::name).toList()));
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Goal g : goals) {
            m.put(g.name(), Map.of("held", g.held(), "figure", g.figure()));
        }
        return m;
    }
}
