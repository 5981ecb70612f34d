package dev.flows.journey;

/**
 * The monitor itself cannot do its job (a verb the storefront profile lacks, a journey bug, a refused order):
 * the journey is BROKEN, not the site, and retrying would not help.
 */
public class BrokenMonitorException extends RuntimeException {

    public BrokenMonitorException(String message) {
        super(message);
    }

    public BrokenMonitorException(String message, Throwable cause) {
        super(message, cause);
    }
}
