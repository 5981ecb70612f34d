package dev.flows.journey;

/**
 * The shop showed something other than what the journey expected (a wrong cart count, a missing text): the
 * step FAILED. The message says what was expected and what was found.
 */
public final class ExpectationFailedException extends RuntimeException {

    public ExpectationFailedException(String message) {
        super(message);
    }
}
