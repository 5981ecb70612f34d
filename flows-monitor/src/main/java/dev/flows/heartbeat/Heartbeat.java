package dev.flows.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Pings heartbeat services when a run starts and when it ends, so that they raise the alarm when the monitor
 * itself stops: a dead-man's switch for the monitor.
 *
 * <pre>{@code
 * try (Heartbeat heartbeat = Heartbeat.builder()
 *         .target(HeartbeatTarget.healthchecks(System.getenv("HC_PING_URL")))
 *         .cap(Duration.ofSeconds(10))
 *         .build();
 *      HeartbeatRun run = heartbeat.start("run-2026-11-21T10:00Z-42")) {
 *     RunSummary summary = ...the run...;
 *     run.finish(summary);
 * }
 * }</pre>
 *
 * <p>A heartbeat never fails or hangs a run: {@link #start}, {@link HeartbeatRun#finish} and
 * {@link HeartbeatRun#close} never throw, and each returns within the {@linkplain Builder#cap cap} however many
 * targets are slow or down. A ping that does not arrive is logged as one line, with the URL redacted.
 * Only {@link Builder#build()} throws, for bad configuration.
 */
public final class Heartbeat implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.flows.heartbeat");

    private final List<Endpoint> endpoints;
    private final Settings settings;
    private final CloseableHttpClient client;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;

    private Heartbeat(List<HeartbeatTarget> targets, Settings settings) {
        this.settings = settings;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                                .build())
                        .setMaxConnPerRoute(32)
                        .setMaxConnTotal(64)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.requestTimeout()))
                        .build())
                .setUserAgent(userAgent())
                // Retries are ours (bounded by the cap); a redirect would hide a wrong URL behind a 200 page.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
        // Daemon threads: an abandoned ping must never keep a finished JVM alive.
        this.pool = Executors.newCachedThreadPool(daemon("flows-heartbeat-"));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("flows-heartbeat-timer-"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
        List<Endpoint> list = new ArrayList<>();
        for (HeartbeatTarget target : targets) {
            list.add(new Endpoint(target, client, timer));
        }
        this.endpoints = List.copyOf(list);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the start pings and opens a run. Until the run is finished or closed, a JVM shutdown hook stands by to
     * send a failure ping if the JVM exits first. Never throws; returns within the cap.
     *
     * @param runId identifies the run in every ping (Cronitor's {@code series}, healthchecks' {@code rid} as a
     *              UUID derived from it, the webhook's {@code runId}); a blank one is replaced by a random UUID
     */
    public HeartbeatRun start(String runId) {
        String id = runId;
        if (id == null || id.isBlank()) {
            id = UUID.randomUUID().toString();
            LOG.log(System.Logger.Level.WARNING, "heartbeat run id is blank: using " + id);
        }
        HeartbeatRun run = new HeartbeatRun(this, id, System.nanoTime());
        try {
            String finalId = id;
            send(id, e -> e.target().service().start(e.target(), finalId, e.bodyLimit()));
        } catch (Throwable unexpected) {
            LOG.log(System.Logger.Level.WARNING, "heartbeat start pings for run " + id + " failed: " + unexpected);
        }
        run.armShutdownHook();
        return run;
    }

    /** The targets pinged, in the order given. */
    public List<HeartbeatTarget> targets() {
        return endpoints.stream().map(Endpoint::target).toList();
    }

    /** Releases the HTTP client and threads. Pings still in flight are abandoned. */
    @Override
    public void close() {
        pool.shutdownNow();
        timer.shutdownNow();
        try {
            client.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "heartbeat http client did not close cleanly: " + e.getClass());
        }
    }

    boolean hasTargets() {
        return !endpoints.isEmpty();
    }

    Duration cap() {
        return settings.cap();
    }

    void finish(String runId, RunSummary summary) {
        send(runId, e -> Optional.of(e.target().service().finish(e.target(), runId, judged(e.target(), summary),
                e.bodyLimit())));
    }

    void log(String runId, String message) {
        send(runId, e -> e.target().service().log(e.target(), runId, message, e.bodyLimit()));
    }

    /** The summary as this target judges it: only its site's or journey's checks, when it is scoped. */
    private static RunSummary judged(HeartbeatTarget target, RunSummary summary) {
        if (!target.scoped()) {
            return summary;
        }
        RunSummary scoped = summary.only(target::judges);
        if (scoped.checks().isEmpty() && scoped.brokenReason() == null) {
            // A site that was not checked is not watched: that must not look like success.
            String scope = target.site() == null ? "journey '" + target.journey() + "'"
                    : target.journey() == null ? "site '" + target.site() + "'"
                    : "journey '" + target.journey() + "' on site '" + target.site() + "'";
            return new RunSummary(summary.duration(), List.of(), "no check ran for " + scope, summary.reportLink());
        }
        return scoped;
    }

    /** Fans one ping per target out in parallel and waits for them, but never past the cap. */
    private void send(String runId, Function<Endpoint, Optional<Ping>> pingFor) {
        long deadline = System.nanoTime() + settings.cap().toNanos();
        List<Delivery> deliveries = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Optional<Ping> ping;
            try {
                ping = pingFor.apply(endpoint);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat " + endpoint.target().type() + " "
                        + endpoint.target().redactedUrl() + ": could not build the ping for run " + runId + ": "
                        + endpoint.target().redactedUrl().scrub(String.valueOf(e.getMessage())));
                continue;
            }
            if (ping.isEmpty()) {
                continue;
            }
            Delivery delivery = new Delivery(endpoint, ping.get(), runId, settings, deadline);
            try {
                futures.add(pool.submit(delivery));
                deliveries.add(delivery);
            } catch (RejectedExecutionException closed) {
                LOG.log(System.Logger.Level.WARNING, "heartbeat " + endpoint.target().type() + " "
                        + endpoint.target().redactedUrl() + ": " + ping.get().kind() + " ping for run " + runId
                        + " not sent: the heartbeat is closed");
            }
        }
        try {
            for (Future<?> future : futures) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                future.get(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | ExecutionException e) {
            // The cap is up (or a delivery died, which it reports itself): stop waiting.
        }
        for (Delivery delivery : deliveries) {
            if (!delivery.isDone()) {
                delivery.abandon();
            }
        }
    }

    private static String userAgent() {
        String version = Heartbeat.class.getPackage().getImplementationVersion();
        return "flows-heartbeat/" + (version == null ? "dev" : version);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Timeouts and retries, validated by the builder. */
    record Settings(Duration connectTimeout, Duration requestTimeout, int retries, Duration backoff, Duration cap) {
    }

    /** A target and what this heartbeat has learned about it (the service's body limit). */
    static final class Endpoint {
        private final HeartbeatTarget target;
        private final CloseableHttpClient client;
        private final ScheduledExecutorService timer;
        private final AtomicLong bodyLimit;

        Endpoint(HeartbeatTarget target, CloseableHttpClient client, ScheduledExecutorService timer) {
            this.target = target;
            this.client = client;
            this.timer = timer;
            this.bodyLimit = new AtomicLong(target.service().defaultBodyLimit());
        }

        HeartbeatTarget target() {
            return target;
        }

        CloseableHttpClient client() {
            return client;
        }

        ScheduledExecutorService timer() {
            return timer;
        }

        long bodyLimit() {
            return bodyLimit.get();
        }

        void lowerBodyLimit(long limit) {
            bodyLimit.accumulateAndGet(limit, Math::min);
        }
    }

    /**
     * Configures a {@link Heartbeat}. Defaults: connect timeout 2s, request timeout 5s, 2 retries, backoff 200ms
     * (doubling per retry), cap 10s.
     */
    public static final class Builder {
        private final List<HeartbeatTarget> targets = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private int retries = 2;
        private Duration backoff = Duration.ofMillis(200);
        private Duration cap = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Adds a target; every target gets every ping (fan-out), in parallel. */
        public Builder target(HeartbeatTarget target) {
            targets.add(Objects.requireNonNull(target, "heartbeat target is null"));
            return this;
        }

        public Builder targets(List<HeartbeatTarget> targets) {
            targets.forEach(this::target);
            return this;
        }

        /** How long to wait for a TCP connection. Default 2s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long one attempt (connect, send, answer) may take in all. Default 5s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** Further attempts after a 5xx, a 429 or a network error; never after another 4xx. Default 2. */
        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        /** The wait before the first retry, doubled for each next one; a longer Retry-After wins. Default 200ms. */
        public Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /**
         * The most one start, finish, log or close may block the run, all targets and retries together. Pings
         * still in flight then are aborted and logged. Default 10s.
         */
        public Builder cap(Duration cap) {
            this.cap = cap;
            return this;
        }

        public Heartbeat build() {
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("requestTimeout", requestTimeout);
            requirePositive("cap", cap);
            if (backoff == null || backoff.isNegative()) {
                throw new IllegalArgumentException("heartbeat backoff must not be negative: " + backoff);
            }
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("heartbeat retries must be between 0 and 10: " + retries);
            }
            return new Heartbeat(targets, new Settings(connectTimeout, requestTimeout, retries, backoff, cap));
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("heartbeat " + name + " must be positive: " + value);
            }
        }
    }
}
