package dev.flows.run;

/** A step, or the journey, ran out of time: a failure the shopper would meet, so it is retried. */
final class StepTimeout extends RuntimeException {

    StepTimeout(String message) {
        super(message);
    }
}
