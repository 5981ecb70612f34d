package dev.flows.gate;

/**
 * What the gate tells the rollout: go on, wait, or go back. The exit codes are what a Kubernetes Job (an Argo
 * Rollouts job metric) and a Helm test hook read: 0 is success, anything else failure.
 */
public enum Verdict {
    /** The candidate is at least as healthy as the baseline, within the thresholds. Exit code 0. */
    PROMOTE(0),
    /** Not enough evidence, or over a threshold but within noise: run the gate again. Exit code 3 (see {@code --hold-exit-code}). */
    HOLD(3),
    /** The candidate fails more often or is slower than the thresholds allow, beyond noise. Exit code 1. */
    ROLLBACK(1);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** "promote": as the table and the JSON write it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of two verdicts: rollback over hold over promote. */
    public Verdict worst(Verdict other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case PROMOTE -> 0;
            case HOLD -> 1;
            case ROLLBACK -> 2;
        };
    }
}
