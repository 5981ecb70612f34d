package dev.flows.heartbeat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run's heartbeat, open from {@link Heartbeat#start} until {@link #finish} or {@link #close}.
 *
 * <pre>{@code
 * try (HeartbeatRun run = heartbeat.start(runId)) {
 *     run.finish(runTheJourneys());   // success or failure pings
 * }                                   // without finish(): a failure ping, "run ended without a result"
 * }</pre>
 *
 * <p>The end ping is sent exactly once, whichever comes first: {@code finish}, {@code close}, or the JVM shutdown
 * hook ("run interrupted: JVM exited before the run finished"). None of these methods ever throws, and each returns
 * within the heartbeat's cap.
 */
public final class HeartbeatRun implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.flows.heartbeat");

    static final String NO_RESULT = "run ended without a result";
    static final String JVM_EXIT = "run interrupted: JVM exited before the run finished";

    private final Heartbeat heartbeat;
    private final String runId;
    private final long startNanos;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch endPinged = new CountDownLatch(1);
    private final Thread shutdownHook;
    private volatile boolean hookArmed;

    HeartbeatRun(Heartbeat heartbeat, String runId, long startNanos) {
        this.heartbeat = heartbeat;
        this.runId = runId;
        this.startNanos = startNanos;
        this.shutdownHook = new Thread(this::jvmExiting, "flows-heartbeat-exit-" + runId);
    }

    public String runId() {
        return runId;
    }

    /**
     * Sends the end pings: success or failure per target, as the target judges {@code summary}. Only the first end
     * counts; a second call is logged and ignored.
     */
    public void finish(RunSummary summary) {
        RunSummary result = summary != null ? summary
                : RunSummary.broken("run finished without a summary", elapsed());
        end(result, "finish");
    }

    /**
     * Sends a log-only ping where the service has one (healthchecks {@code /log}, the webhook's "log" event);
     * it changes no state and is skipped by the other services.
     */
    public void log(String message) {
        if (message == null || message.isBlank() || ended.get()) {
            return;
        }
        try {
            heartbeat.log(runId, message);
        } catch (Throwable unexpected) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat log ping for run " + runId + " failed: " + unexpected);
        }
    }

    /** Ends the run; without an earlier {@link #finish}, as a failure: "run ended without a result". Idempotent. */
    @Override
    public void close() {
        if (!ended.get()) {
            end(RunSummary.broken(NO_RESULT, elapsed()), null);
        }
    }

    void armShutdownHook() {
        if (!heartbeat.hasTargets()) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookArmed = true;
        } catch (IllegalStateException | SecurityException e) {
            // The JVM is already exiting (or forbids hooks): the run's own finish or close still pings.
            LOG.log(System.Logger.Level.DEBUG, "heartbeat shutdown hook for run " + runId + " not registered: " + e);
        }
    }

    private void end(RunSummary summary, String caller) {
        if (!ended.compareAndSet(false, true)) {
            if (caller != null) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat run " + runId + " already ended: " + caller
                        + " ignored");
            }
            return;
        }
        try {
            heartbeat.finish(runId, summary);
        } catch (Throwable unexpected) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat end pings for run " + runId + " failed: " + unexpected);
        } finally {
            endPinged.countDown();
            disarmShutdownHook();
        }
    }

    private void jvmExiting() {
        if (ended.compareAndSet(false, true)) {
            try {
                heartbeat.finish(runId, RunSummary.broken(JVM_EXIT, elapsed()));
            } catch (Throwable unexpected) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat exit ping for run " + runId + " failed: " + unexpected);
            } finally {
                endPinged.countDown();
            }
        } else {
            // finish() is sending right now on another thread: give its pings the cap before the JVM halts.
            try {
                endPinged.await(heartbeat.cap().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void disarmShutdownHook() {
        if (!hookArmed || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // Shutdown already started; the hook will see the run has ended and do nothing.
        }
        hookArmed = false;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public String toString() {
        return "heartbeat run " + runId + (ended.get() ? " (ended)" : " (open)");
    }
}
