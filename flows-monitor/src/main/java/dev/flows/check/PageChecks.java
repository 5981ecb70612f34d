package dev.flows.check;

import dev.flows.browser.Messages;
import dev.flows.browser.Durations;
import dev.flows.run.Outcome;
import dev.flows.run.TrafficMark;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs {@link PageCheck}s over HTTP with one pooled client, marking every request as synthetic traffic the same
 * way the browsers do (the traffic header, the site's headers, the user-agent suffix).
 *
 * <pre>{@code
 * try (PageChecks checks = PageChecks.builder().timeout(Duration.ofSeconds(10)).build()) {
 *     PageCheckResult r = checks.run(new PageCheck(live, "cart", "/cart", 200, null, Duration.ofSeconds(1)));
 *     r.outcome();   // PASSED, DEGRADED or FAILED
 * }
 * }</pre>
 *
 * <p>Redirects are not followed unless asked: a product page that answers 302 to the landing page is a broken
 * product page, and following it would hide that behind a 200. Nothing here throws for a site's problem: an
 * unreachable site is a FAILED result.
 */
public final class PageChecks implements AutoCloseable {

    private final CloseableHttpClient client;
    private final Map<String, String> trafficHeaders;
    private ScheduledExecutorService deadlines;

    private PageChecks(Builder b) {
        this.trafficHeaders = b.traffic.headers();
        Timeout timeout = Timeout.of(b.timeout);
        var http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .setMaxConnPerRoute(8)
                        .setMaxConnTotal(32)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .setUserAgent("Mozilla/5.0 (compatible; Flows page check) " + b.traffic.userAgentSuffix())
                // A retried request would hide a flaky site and double the latency measured.
                .disableAutomaticRetries()
                // Cookies from one check must not change what the next one sees (a cart with items, a login).
                .disableCookieManagement();
        if (!b.followRedirects) {
            http.disableRedirectHandling();
        }
        this.client = http.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the checks one after another, telling {@code progress} about each result as it comes. */
    public List<PageCheckResult> run(List<PageCheck> checks, Consumer<PageCheckResult> progress) {
        List<PageCheckResult> results = new ArrayList<>();
        for (PageCheck check : checks) {
            PageCheckResult result = run(check);
            results.add(result);
            progress.accept(result);
        }
        return results;
    }

    /** Runs one check. Never throws for the site's problem. */
    public PageCheckResult run(PageCheck check) {
        return run(check, new HttpGet(check.url()));
    }

    /**
     * Runs one check, abandoned when {@code limit} passes before it ends (a deadline of the caller's, such as
     * {@code --for}): empty then, since a check cut short says nothing about the site.
     */
    public Optional<PageCheckResult> runWithin(PageCheck check, Duration limit) {
        HttpGet get = new HttpGet(check.url());
        AtomicBoolean cut = new AtomicBoolean();
        ScheduledFuture<?> cutter = deadlines().schedule(() -> {
            cut.set(true);
            get.cancel();
        }, Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
        PageCheckResult result = run(check, get);
        cutter.cancel(false);
        return cut.get() ? Optional.empty() : Optional.of(result);
    }

    private synchronized ScheduledExecutorService deadlines() {
        if (deadlines == null) {
            deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "flows-page-check-deadline");
                t.setDaemon(true);
                return t;
            });
        }
        return deadlines;
    }

    private PageCheckResult run(PageCheck check, HttpGet get) {
        URI url = check.url();
        trafficHeaders.forEach(get::setHeader);
        check.site().headers().forEach(get::setHeader);
        String where = check.type() + " on " + check.site().name();
        // Basic auth through the client's credentials provider, scoped to the site's host and port: sent only when
        // the site asks, never in the URL, never to another host.
        org.apache.hc.client5.http.protocol.HttpClientContext context = org.apache.hc.client5.http.protocol.HttpClientContext.create();
        if (check.site().basicAuth() != null) {
            var credentials = new org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider();
            URI base = check.site().baseUrl();
            credentials.setCredentials(new org.apache.hc.client5.http.auth.AuthScope(base.getHost(), base.getPort()),
                    new org.apache.hc.client5.http.auth.UsernamePasswordCredentials(check.site().basicAuth().user(),
                            check.site().basicAuth().password().toCharArray()));
            context.setCredentialsProvider(credentials);
        }
        long start = System.nanoTime();
        Instant started = Instant.now();
        try {
            return client.execute(get, context, response -> {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                int status = response.getCode();
                if (status != check.status()) {
                    Header location = response.getFirstHeader("Location");
                    return new PageCheckResult(check, Outcome.FAILED, started, status, took, where + ": expected status "
                            + check.status() + ", got " + status + (location == null ? "" : " to " + location.getValue())
                            + " (GET " + url + ", " + Durations.say(took) + ")");
                }
                if (check.marker() != null && !body.contains(check.marker()) && !body.contains(escaped(check.marker()))) {
                    return new PageCheckResult(check, Outcome.FAILED, started, status, took, where + ": marker '" + check.marker()
                            + "' not found in the page (GET " + url + ", " + status + ", " + Durations.say(took) + ")");
                }
                if (check.budget() != null && took.compareTo(check.budget()) > 0) {
                    return new PageCheckResult(check, Outcome.DEGRADED, started, status, took, where + ": took "
                            + Durations.say(took) + ", over its " + Durations.say(check.budget()) + " budget (GET " + url + ")");
                }
                return new PageCheckResult(check, Outcome.PASSED, started, status, took, null);
            });
        } catch (IOException | RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new PageCheckResult(check, Outcome.FAILED, started, 0, took, check.site().secrets().scrub(where
                    + ": unreachable: " + reason(e) + " (GET " + url + ", " + Durations.say(took) + ")"));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (deadlines != null) {
                deadlines.shutdownNow();
            }
        }
        try {
            client.close();
        } catch (IOException e) {
            // Nothing is left to check with it; the pooled sockets go with the process.
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return kind;
        }
        return kind + ": " + Messages.firstLine(message);
    }

    // Pages write "Bean &amp; Burr" as often as "Bean & Burr": a marker taken from what a person sees must match both.
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Settings of a {@link PageChecks}; every one has a default. */
    public static final class Builder {
        private Duration timeout = Duration.ofSeconds(30);
        private TrafficMark traffic = TrafficMark.defaults();
        private boolean followRedirects;

        private Builder() {
        }

        /** Connect and response timeout of each request (default 30 s). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("page check timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Replaces the synthetic-traffic header (default {@code X-Flows-Synthetic: 1}), as the runner does. */
        public Builder trafficHeader(String name, String value) {
            traffic = traffic.withHeader(name, value);
            return this;
        }

        /** Appended to the user agent (default {@code FlowsMonitor/<version>}), as the runner does. */
        public Builder userAgentSuffix(String suffix) {
            traffic = traffic.withUserAgentSuffix(suffix);
            return this;
        }

        /** Marks the checks' traffic as a run marks its browsers' ({@code dev.flows.run.Run.Builder#traffic}). */
        public Builder traffic(TrafficMark traffic) {
            this.traffic = java.util.Objects.requireNonNull(traffic, "traffic");
            return this;
        }

        /** Follow redirects (default false: a redirect fails a check that expects 200). */
        public Builder followRedirects(boolean follow) {
            this.followRedirects = follow;
            return this;
        }

        public PageChecks build() {
            return new PageChecks(this);
        }
    }
}
