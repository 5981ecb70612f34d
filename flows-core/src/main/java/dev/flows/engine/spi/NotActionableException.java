package dev.flows.engine.spi;

/** The element is there but cannot take the action yet (covered, moving, detached); worth another try. */
public final class NotActionableException extends RuntimeException {

    public NotActionableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
