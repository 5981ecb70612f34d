package dev.flows.heartbeat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything logged through JUL while open (System.Logger's default backend), caught by a handler on the root
 * logger, with the heartbeat logger opened up to debug so that no line escapes the secret checks.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    // Held strongly: JUL forgets the level of a logger nobody references.
    private final Logger heartbeat = Logger.getLogger("dev.flows.heartbeat");
    private final Level previous = heartbeat.getLevel();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLog() {
        handler.setLevel(Level.ALL);
        heartbeat.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    /** Every line at any level, message and any exception text. */
    List<String> all() {
        return records.stream().map(r -> r.getLevel() + " " + formatter.format(r)).toList();
    }

    /** The messages of WARNING lines. */
    List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(formatter::formatMessage).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        heartbeat.setLevel(previous);
    }
}
