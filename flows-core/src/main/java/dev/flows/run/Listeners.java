package dev.flows.run;

import java.util.List;
import java.util.function.Consumer;

/** A run's listeners, told of events from the sites' threads; a listener that throws is logged and ignored. */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Run.class.getName());

    private final List<RunListener> listeners;

    Listeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void tell(Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "run listener " + listener.getClass().getName() + " failed; ignored", e);
            }
        }
    }
}
