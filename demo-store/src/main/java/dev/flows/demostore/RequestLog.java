package dev.flows.demostore;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@link #CAPACITY} requests of one instance, oldest first. */
final class RequestLog {

    static final int CAPACITY = 1000;

    private final Deque<RecordedRequest> entries = new ArrayDeque<>();

    synchronized void add(RecordedRequest request) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
