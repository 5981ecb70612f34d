package dev.flows.alert;

/**
 * What the alert state remembers of one check between runs.
 *
 * @param check               the check's name as reports show it ("guest checkout", "page: landing")
 * @param site                the site and, for a journey, the engine ("live [playwright]")
 * @param consecutiveFailures failures in a row up to the last run; 0 after a success
 * @param firstFailure        when the current row of failures began (ISO-8601), or null
 * @param alarmOpen           whether the row reached the threshold and no success has closed it yet
 * @param lastFailure         the last failure's one-line message, or null
 */
public record CheckState(String check, String site, int consecutiveFailures, String firstFailure, boolean alarmOpen,
                         String lastFailure) {

    public CheckState {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative: " + consecutiveFailures);
        }
    }
}
