package dev.flows.metrics;

import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.ResultKey;
import dev.flows.run.RunListener;
import dev.flows.run.RunResult;
import dev.flows.run.StepResult;
import dev.flows.site.Site;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Objects;

/**
 * The monitor's results as Prometheus metrics: served as OpenMetrics on 127.0.0.1 for a Prometheus to scrape, and
 * written to a file for the node exporter's textfile collector. Its own registry, so two monitors in one JVM never
 * mix their numbers.
 *
 * <pre>{@code
 * try (FlowsMetrics metrics = FlowsMetrics.builder().port(9464).textfile(Path.of("/var/lib/node_exporter/flows.prom")).build()) {
 *     Monitor.builder()...onIteration(metrics::record).build().run();
 * }
 * // or, for a Run of your own: Run.builder().listener(metrics)...
 * }</pre>
 *
 * <p>Metrics (labels {@code site, role, journey, engine}; page checks have {@code page} instead of journey and engine):
 * <ul>
 *   <li>{@code flows_journeys_total{..., outcome}}: journeys finished, by outcome (passed, failed, flaky, degraded, broken);</li>
 *   <li>{@code flows_journey_duration_seconds}, {@code flows_step_duration_seconds{..., step}}: histograms;</li>
 *   <li>{@code flows_page_checks_total{site, role, page, outcome}}, {@code flows_page_check_duration_seconds{site, role, page}};</li>
 *   <li>{@code flows_last_run_timestamp_seconds{site, role}}: when a result for the site last came in (Unix time).</li>
 * </ul>
 */
public final class FlowsMetrics implements RunListener, AutoCloseable {

    private static final double[] JOURNEY_BUCKETS = {0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300};
    private static final double[] STEP_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60};
    private static final double[] PAGE_BUCKETS = {0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter journeys;
    private final Histogram journeyDuration;
    private final Histogram stepDuration;
    private final Counter pageChecks;
    private final Histogram pageCheckDuration;
    private final Gauge lastRun;
    private final Path textfile;
    private final Clock clock;
    private final HTTPServer server;

    private FlowsMetrics(Builder b) {
        this.textfile = b.textfile;
        this.clock = b.clock;
        journeys = Counter.builder().name("flows_journeys").help("Journeys finished, by outcome")
                .labelNames("site", "role", "journey", "engine", "outcome").register(registry);
        journeyDuration = Histogram.builder().name("flows_journey_duration_seconds").help("How long a journey took, all attempts")
                .classicOnly().classicUpperBounds(JOURNEY_BUCKETS)
                .labelNames("site", "role", "journey", "engine").register(registry);
        stepDuration = Histogram.builder().name("flows_step_duration_seconds").help("How long a step took (the verdict's attempt)")
                .classicOnly().classicUpperBounds(STEP_BUCKETS)
                .labelNames("site", "role", "journey", "engine", "step").register(registry);
        pageChecks = Counter.builder().name("flows_page_checks").help("Page checks over HTTP, by outcome")
                .labelNames("site", "role", "page", "outcome").register(registry);
        pageCheckDuration = Histogram.builder().name("flows_page_check_duration_seconds").help("How long a page check took")
                .classicOnly().classicUpperBounds(PAGE_BUCKETS)
                .labelNames("site", "role", "page").register(registry);
        lastRun = Gauge.builder().name("flows_last_run_timestamp_seconds").help("When the last result for the site came in (Unix time)")
                .labelNames("site", "role").register(registry);
        if (b.port != null) {
            try {
                server = HTTPServer.builder().hostname(b.host).port(b.port).registry(registry).buildAndStart();
            } catch (IOException e) {
                throw new UncheckedIOException("metrics: cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
            }
        } else {
            server = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the metrics are served on (the real one when 0 was asked for); -1 without a server. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    /** Every result of a run or a monitor iteration (page checks included), then the textfile if one is set. */
    public void record(RunResult run) {
        run.results().forEach(this::record);
        writeTextfile();
    }

    /** One result: a journey's, or a page check's. */
    public void record(JourneyResult r) {
        String outcome = r.outcome().name().toLowerCase(java.util.Locale.ROOT);
        if (r.kind() == ResultKey.Kind.PAGE_CHECK) {
            String page = r.key().name();
            pageChecks.labelValues(r.site(), r.role(), page, outcome).inc();
            pageCheckDuration.labelValues(r.site(), r.role(), page).observe(seconds(r.took()));
        } else {
            journeys.labelValues(r.site(), r.role(), r.key().name(), r.engine(), outcome).inc();
            journeyDuration.labelValues(r.site(), r.role(), r.key().name(), r.engine()).observe(seconds(r.took()));
            for (StepResult s : r.last().steps()) {
                stepDuration.labelValues(r.site(), r.role(), r.key().name(), r.engine(), s.name()).observe(seconds(s.took()));
            }
        }
        lastRun.labelValues(r.site(), r.role()).set(clock.millis() / 1000.0);
    }

    /** As a {@link RunListener}: each journey as it finishes (the textfile is written by {@link #record(RunResult)} only). */
    @Override
    public void journeyFinished(Journey journey, Site site, JourneyResult result) {
        record(result);
    }

    /** The metrics now, as OpenMetrics text (what the server answers). */
    public String openMetrics() {
        return write(OpenMetricsTextFormatWriter.create());
    }

    /**
     * Writes the Prometheus text format (the textfile collector does not read OpenMetrics) to the textfile, through
     * a temporary file moved over it, so the collector never reads half a file. Nothing happens without a textfile.
     */
    public void writeTextfile() {
        if (textfile == null) {
            return;
        }
        try {
            Path folder = textfile.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            // The collector reads only *.prom: a temporary name without that suffix is never half-read.
            Path scratch = Files.createTempFile(folder, ".flows-metrics-", ".tmp");
            Files.writeString(scratch, write(PrometheusTextFormatWriter.builder().setIncludeCreatedTimestamps(false).build()));
            Files.move(scratch, textfile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("metrics: cannot write the textfile " + textfile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private String write(io.prometheus.metrics.expositionformats.ExpositionFormatWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write((OutputStream) out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Stops the server. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /** Builds {@link FlowsMetrics}; without a port there is no server, without a textfile no file. */
    public static final class Builder {
        private Integer port;
        private String host = "127.0.0.1";
        private Path textfile;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Serve {@code /metrics} on this port of 127.0.0.1 (0: a free port, see {@link #port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("metrics port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on (default 127.0.0.1: a Prometheus on the same host or a sidecar scrapes it). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** A {@code .prom} file for the node exporter's textfile collector, rewritten after every run. */
        public Builder textfile(Path file) {
            if (file != null && !file.getFileName().toString().endsWith(".prom")) {
                throw new IllegalArgumentException("metrics textfile must end in .prom (the textfile collector reads only those): " + file);
            }
            this.textfile = file;
            return this;
        }

        /** The clock of the last-run timestamp (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public FlowsMetrics build() {
            return new FlowsMetrics(this);
        }
    }
}
