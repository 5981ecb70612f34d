package dev.flows.gate;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the canary gate, as {@code flows.yaml}'s {@code gate:} section writes them.
 *
 * <pre>{@code
 * GatePolicy policy = GatePolicy.builder().rounds(10).maxMedianSlowerPercent(10).maxP95SlowerPercent(20).build();
 * }</pre>
 *
 * @param rounds                 measured rounds: each runs every journey and page check once on both sites (default 10)
 * @param warmup                 rounds run first and not counted, so a cold browser or JIT is nobody's regression (default 1)
 * @param minSamples             fewer samples than this on a side, and the verdict is at best hold (default 5)
 * @param maxExtraFailures       failures the candidate may have beyond the baseline's (default 0)
 * @param maxMedianSlowerPercent how much slower the candidate's median may be (default 10)
 * @param maxP95SlowerPercent    how much slower the candidate's 95th percentile may be (default 20)
 * @param noiseFloor             a difference smaller than this is never "slower", whatever the ratio (default 50 ms)
 * @param alpha                  the significance level of every test, after Holm's correction (default 0.01: a false
 *                               rollback on every twentieth deploy would teach people to ignore the gate)
 */
public record GatePolicy(int rounds, int warmup, int minSamples, int maxExtraFailures, int maxMedianSlowerPercent,
                         int maxP95SlowerPercent, Duration noiseFloor, double alpha) {

    public GatePolicy {
        range(rounds, 1, 1000, "gate.rounds");
        range(warmup, 0, 100, "gate.warmup");
        range(minSamples, 2, 1000, "gate.minSamples");
        range(maxExtraFailures, 0, 1000, "gate.maxExtraFailures");
        range(maxMedianSlowerPercent, 0, 1000, "gate.maxMedianSlowerPercent");
        range(maxP95SlowerPercent, 0, 1000, "gate.maxP95SlowerPercent");
        Objects.requireNonNull(noiseFloor, "gate.noiseFloor");
        if (noiseFloor.isNegative()) {
            throw new IllegalArgumentException("gate.noiseFloor must not be negative: " + noiseFloor);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("gate.alpha must be above 0 and below 0.5: " + alpha);
        }
    }

    /** The defaults: 10 rounds after 1 warm-up, 5 samples at least, 0 extra failures, median +10%, p95 +20%, 50 ms, 0.01. */
    public static GatePolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This policy with another number of rounds (the command line's {@code --rounds}). */
    public GatePolicy withRounds(int rounds) {
        return new GatePolicy(rounds, warmup, minSamples, maxExtraFailures, maxMedianSlowerPercent, maxP95SlowerPercent,
                noiseFloor, alpha);
    }

    private static void range(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ": " + value);
        }
    }

    /** Builds a {@link GatePolicy}; every value has the default named on the record. */
    public static final class Builder {
        private int rounds = 10;
        private int warmup = 1;
        private int minSamples = 5;
        private int maxExtraFailures;
        private int maxMedianSlowerPercent = 10;
        private int maxP95SlowerPercent = 20;
        private Duration noiseFloor = Duration.ofMillis(50);
        private double alpha = 0.01;

        private Builder() {
        }

        public Builder rounds(int rounds) {
            this.rounds = rounds;
            return this;
        }

        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        public Builder minSamples(int minSamples) {
            this.minSamples = minSamples;
            return this;
        }

        public Builder maxExtraFailures(int maxExtraFailures) {
            this.maxExtraFailures = maxExtraFailures;
            return this;
        }

        public Builder maxMedianSlowerPercent(int percent) {
            this.maxMedianSlowerPercent = percent;
            return this;
        }

        public Builder maxP95SlowerPercent(int percent) {
            this.maxP95SlowerPercent = percent;
            return this;
        }

        public Builder noiseFloor(Duration noiseFloor) {
            this.noiseFloor = noiseFloor;
            return this;
        }

        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        public GatePolicy build() {
            return new GatePolicy(rounds, warmup, minSamples, maxExtraFailures, maxMedianSlowerPercent, maxP95SlowerPercent,
                    noiseFloor, alpha);
        }
    }
}
