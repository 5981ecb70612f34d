package dev.flows.alert;

import dev.flows.run.ResultKey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run changed in the {@link AlertState}.
 *
 * <pre>{@code
 * AlertReport report = state.record(result, Instant.now());
 * report.transition(checkout.key());   // Optional[RAISED]
 * report.raised();                     // ["ALARM journey:guest checkout@live[playwright]: FAILED 3 times in a row ..."]
 * }</pre>
 *
 * @param changes every check this run moved, in the run's order
 * @param open    every alarm open after this run (also of checks this run did not make), one line each
 */
public record AlertReport(List<Change> changes, List<String> open) {

    /** How a run moved one check's alarm. */
    public enum Transition {
        /** The check reached the threshold of failures in a row: its alarm opened in this run. */
        RAISED,
        /** A success closed the check's open alarm; reported once, in this run only. */
        RECOVERED,
        /** The check failed but is still under the threshold. */
        PENDING
    }

    /**
     * One check's move.
     *
     * @param key        the check
     * @param transition what happened to its alarm
     * @param line       the move in one line, for the console and the heartbeat's log
     */
    public record Change(ResultKey key, Transition transition, String line) {
        public Change {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(transition, "transition of " + key);
            Objects.requireNonNull(line, "line of " + key);
        }
    }

    public AlertReport {
        changes = List.copyOf(changes);
        open = List.copyOf(open);
    }

    /** How this run moved the alarm of {@code key}, if it moved it. */
    public Optional<Transition> transition(ResultKey key) {
        return changes.stream().filter(c -> c.key().equals(key)).map(Change::transition).findFirst();
    }

    /** Checks whose alarm opened in this run, one line each. */
    public List<String> raised() {
        return lines(Transition.RAISED);
    }

    /** Checks whose open alarm this run closed, one line each. */
    public List<String> recovered() {
        return lines(Transition.RECOVERED);
    }

    /** Checks that failed in this run but are still under the threshold, one line each. */
    public List<String> pending() {
        return lines(Transition.PENDING);
    }

    /** Whether the heartbeat should say failure: some check has failed the threshold's number of times in a row. */
    public boolean alarm() {
        return !open.isEmpty();
    }

    private List<String> lines(Transition transition) {
        return changes.stream().filter(c -> c.transition() == transition).map(Change::line).toList();
    }
}
