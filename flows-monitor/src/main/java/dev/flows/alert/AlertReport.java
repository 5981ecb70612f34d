package dev.flows.alert;

import java.util.List;

/**
 * What one run changed in the {@link AlertState}.
 *
 * @param raised    checks whose alarm opened in this run, one line each
 * @param recovered checks whose open alarm this run closed, one line each; reported once, in this run only
 * @param open      every alarm open after this run (also of checks this run did not make), one line each
 * @param pending   checks that failed in this run but are still under the threshold, one line each
 */
public record AlertReport(List<String> raised, List<String> recovered, List<String> open, List<String> pending) {

    public AlertReport {
        raised = List.copyOf(raised);
        recovered = List.copyOf(recovered);
        open = List.copyOf(open);
        pending = List.copyOf(pending);
    }

    /** Whether the heartbeat should say failure: some check has failed the threshold's number of times in a row. */
    public boolean alarm() {
        return !open.isEmpty();
    }
}
