package dev.flows.run;

/** An uncaught page error that the run's {@link PageErrors} turn into a failure of the step. */
final class PageErrorFailure extends RuntimeException {

    PageErrorFailure(String message) {
        super(message);
    }
}
