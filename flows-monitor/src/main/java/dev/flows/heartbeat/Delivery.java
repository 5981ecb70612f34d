package dev.flows.heartbeat;

import dev.flows.browser.Durations;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * One ping on its way to one target: attempts, backoff and the cap, and the single log line if it does not arrive.
 *
 * <p>Every way this can end is reported exactly once: delivered (debug), given up (one warning), or abandoned at the
 * cap by {@link #abandon()} (one warning), whichever comes first.
 */
final class Delivery implements Runnable {

    private static final System.Logger LOG = System.getLogger("dev.flows.heartbeat");

    private final Heartbeat.Endpoint endpoint;
    private final Ping ping;
    private final String runId;
    private final Heartbeat.Settings settings;
    private final long deadline;
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean abandoned;
    private volatile HttpUriRequestBase current;
    private volatile int attempts;
    private volatile String lastProblem;

    Delivery(Heartbeat.Endpoint endpoint, Ping ping, String runId, Heartbeat.Settings settings, long deadline) {
        this.endpoint = endpoint;
        this.ping = ping;
        this.runId = runId;
        this.settings = settings;
        this.deadline = deadline;
    }

    @Override
    public void run() {
        try {
            deliver();
        } catch (Throwable unexpected) {
            report(System.Logger.Level.WARNING, "failed: " + describe(unexpected));
        } finally {
            done.set(true);
        }
    }

    boolean isDone() {
        return done.get();
    }

    /** Stops the delivery where it is, because the caller's cap is up. */
    void abandon() {
        abandoned = true;
        HttpUriRequestBase request = current;
        if (request != null) {
            request.cancel();
        }
        String problem = lastProblem;
        report(System.Logger.Level.WARNING, "abandoned at the " + Durations.say(settings.cap()) + " cap"
                + (attempts == 0 ? " before the first attempt"
                : " during attempt " + attempts + (problem == null ? "" : " (before: " + problem + ")")));
    }

    private void deliver() throws InterruptedException {
        int maxAttempts = settings.retries() + 1;
        for (int attempt = 1; attempt <= maxAttempts && !abandoned; attempt++) {
            attempts = attempt;
            Answer answer = attempt();
            if (abandoned) {
                return;
            }
            if (answer.ok()) {
                report(System.Logger.Level.DEBUG, "delivered" + (attempt > 1 ? " at attempt " + attempt : ""));
                return;
            }
            lastProblem = answer.problem();
            if (!answer.retryable()) {
                report(System.Logger.Level.WARNING, "failed: " + answer.problem()
                        + (attempt > 1 ? " at attempt " + attempt : "") + answer.hint());
                return;
            }
            if (attempt == maxAttempts) {
                break;
            }
            Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 16));
            if (answer.retryAfter() != null && answer.retryAfter().compareTo(wait) > 0) {
                wait = answer.retryAfter();
            }
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                report(System.Logger.Level.WARNING, "gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                        + ": " + answer.problem() + "; the next try in " + Durations.say(wait)
                        + " would pass the " + Durations.say(settings.cap()) + " cap");
                return;
            }
            Thread.sleep(wait.toMillis());
        }
        if (!abandoned) {
            report(System.Logger.Level.WARNING, "gave up after " + maxAttempts
                    + (maxAttempts == 1 ? " attempt: " : " attempts: ") + lastProblem);
        }
    }

    private Answer attempt() {
        HttpUriRequestBase request = "GET".equals(ping.method()) ? new HttpGet(ping.uri()) : new HttpPost(ping.uri());
        if (ping.body() != null) {
            request.setEntity(new StringEntity(ping.body(), ContentType.parse(ping.contentType())));
        }
        current = request;
        if (abandoned) {
            return Answer.problem("abandoned", false);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        // The client's own timeouts bound connecting and each read; this bounds the whole exchange.
        ScheduledFuture<?> timeout = endpoint.timer().schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        try {
            return endpoint.client().execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                learnBodyLimit(response.getFirstHeader("Ping-Body-Limit"));
                int code = response.getCode();
                if (code >= 200 && code < 300) {
                    return Answer.OK;
                }
                boolean retryable = code == 429 || code >= 500;
                Answer answer = Answer.problem("HTTP " + code, retryable);
                if (code == 429) {
                    answer = answer.withRetryAfter(retryAfter(response.getFirstHeader("Retry-After")));
                }
                if (code >= 300 && code < 400) {
                    answer = answer.withHint(" (redirects are not followed: configure the final URL)");
                }
                return answer;
            });
        } catch (IOException e) {
            if (timedOut.get()) {
                return Answer.problem("timed out after " + Durations.say(settings.requestTimeout()), true);
            }
            return Answer.problem(describe(e), true);
        } catch (RuntimeException e) {
            return Answer.problem(describe(e), false);
        } finally {
            timeout.cancel(false);
            current = null;
        }
    }

    private void learnBodyLimit(Header header) {
        if (header == null) {
            return;
        }
        try {
            long limit = Long.parseLong(header.getValue().strip());
            if (limit > 0) {
                endpoint.lowerBodyLimit(limit);
            }
        } catch (NumberFormatException ignored) {
            // A header we cannot read leaves the limit as it was.
        }
    }

    private static Duration retryAfter(Header header) {
        if (header == null) {
            return null;
        }
        try {
            // Only the delay-seconds form: heartbeat services send it, and an HTTP date would need a clock check.
            return Duration.ofSeconds(Long.parseLong(header.getValue().strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String describe(Throwable e) {
        if (e instanceof ConnectTimeoutException) {
            return "connect timed out after " + Durations.say(settings.connectTimeout());
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out after " + Durations.say(settings.requestTimeout());
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        String message = e.getMessage() == null ? "" : ": " + oneLine(endpoint.target().redactedUrl().scrub(
                e.getMessage()));
        return e.getClass().getSimpleName() + message;
    }

    private void report(System.Logger.Level level, String what) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        HeartbeatTarget target = endpoint.target();
        LOG.log(level, () -> oneLine("heartbeat " + target.type() + " " + target.redactedUrl() + ": " + ping.kind()
                + " ping for run " + runId + " " + what));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    /** What one attempt got back. */
    private record Answer(boolean ok, String problem, boolean retryable, Duration retryAfter, String hint) {
        static final Answer OK = new Answer(true, null, false, null, "");

        static Answer problem(String problem, boolean retryable) {
            return new Answer(false, problem, retryable, null, "");
        }

        Answer withRetryAfter(Duration retryAfter) {
            return new Answer(ok, problem, retryable, retryAfter, hint);
        }

        Answer withHint(String hint) {
            return new Answer(ok, problem, retryable, retryAfter, hint);
        }
    }
}
