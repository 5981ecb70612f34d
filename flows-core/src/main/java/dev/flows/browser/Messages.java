package dev.flows.browser;

/**
 * Long messages cut for one-line places (a log line, a table cell, a heartbeat): browser and driver errors carry
 * call logs and stack traces after their first line.
 */
public final class Messages {

    private Messages() {
    }

    /** The first line of {@code message}, without surrounding white space; "null" for null. */
    public static String firstLine(String message) {
        String m = String.valueOf(message).strip();
        // Playwright wraps a driver error as "Error {\n  message='...'": the message is what a reader needs.
        int quoted = m.startsWith("Error {") ? m.indexOf("message='") : -1;
        if (quoted >= 0) {
            m = m.substring(quoted + "message='".length()).strip();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /** The first line of the throwable's message. */
    public static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : firstLine(m);
    }
}
