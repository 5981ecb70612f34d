package dev.flows.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.Durations;
import dev.flows.demostore.DemoStore;
import dev.flows.heartbeat.HeartbeatReceiver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code flows} command as a scheduled job runs it, with its heartbeat receiver misbehaving (down, slow, 500,
 * 429) and with the job cancelled ({@code TERM}), killed ({@code kill -9}) or cut by its {@code --for} deadline.
 * Each scenario is a real JVM against two real demo stores and a real heartbeat receiver on 127.0.0.1.
 */
final class HeartbeatUnderFaults {

    /** The heartbeat's default cap per call. */
    private static final Duration CAP = Duration.ofSeconds(10);
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final Goals goals;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private DemoStore live;
    private DemoStore fallback;

    HeartbeatUnderFaults(Path work, Goals goals) {
        this.work = work;
        this.goals = goals;
    }

    List<Map<String, Object>> run() {
        System.out.println();
        System.out.println("== Heartbeat under faults: the flows command in its own JVM, two demo stores, a heartbeat receiver");
        try (DemoStore l = DemoStore.builder().name("live").start();
             DemoStore f = DemoStore.builder().name("fallback").start()) {
            live = l;
            fallback = f;
            Duration baseline = receiverScenario("receiver healthy", r -> { }, null);
            receiverScenario("receiver down", r -> { }, baseline);
            receiverScenario("receiver slow (30 s)", r -> r.slow(Duration.ofSeconds(30)), baseline);
            receiverScenario("receiver answers 500", r -> r.respond(500, 1000), baseline);
            receiverScenario("receiver answers 429, Retry-After 1", r -> r.respond(429, 1000).retryAfter("1"), baseline);
            term();
            kill9();
            deadline();
        }
        return rows;
    }

    private String config(String heartbeatUrl, String engines) {
        return """
                sites:
                  - { name: live, url: "%s", role: primary, production: true }
                  - { name: fallback, url: "%s", role: fallback }
                journeys:
                  - dev.flows.examples.ShopJourneys
                engine: %s
                retries: 0
                parallelSites: 2
                checks:
                  pages:
                    - { type: landing, path: /, status: 200, marker: "Bean & Burr" }
                    - { type: category, path: /category/espresso-machines, status: 200 }
                alert:
                  after: 1
                heartbeat:
                  - { type: webhook, url: "%s" }
                """.formatted(live.baseUrl(), fallback.baseUrl(), engines, heartbeatUrl);
    }

    /** Page checks only (the heartbeat does not care what was checked): exit code and time against a healthy receiver. */
    private Duration receiverScenario(String name, Consumer<HeartbeatReceiver> misbehave, Duration baseline) {
        try (HeartbeatReceiver receiver = HeartbeatReceiver.start()) {
            misbehave.accept(receiver);
            String url = name.equals("receiver down") ? HeartbeatReceiver.deadUrl("/hook") : receiver.url("/hook");
            MonitorProcess flows = MonitorProcess.run(dir(name), config(url, "playwright"), "--no-journeys");
            int exit = flows.await(LIMIT);
            List<String> pings = events(receiver);
            row(name, exit, flows.took(), receiver.requests().size(), pings, flows.results().size(), "");
            if (baseline == null) {
                goals.check("healthy receiver: start and finish pings, exit 0", exit == 0
                        && pings.contains("start") && pings.contains("finish PASSED"), "exit " + exit + ", pings " + pings);
            } else {
                // Two calls (start, finish), each at most the cap: the run ends, with the exit code unchanged.
                Duration bound = baseline.plus(CAP.multipliedBy(2)).plusSeconds(5);
                goals.check(name + ": the run ends with exit 0 within 2 caps of a healthy run", exit == 0
                        && flows.took().compareTo(bound) <= 0, "exit " + exit + " after " + Durations.say(flows.took())
                        + ", bound " + Durations.say(bound) + ", " + flows.results().size() + " verdicts logged");
            }
            return flows.took();
        }
    }

    /** A cancelled job: TERM once verdicts exist and journeys still run; nothing known may be lost. */
    private void term() {
        try (HeartbeatReceiver receiver = HeartbeatReceiver.start()) {
            slowAccountPages();
            MonitorProcess flows = MonitorProcess.run(dir("TERM"), config(receiver.url("/hook"), "playwright"));
            boolean midRun = MonitorProcess.waitUntil(LIMIT, () -> journeyVerdicts(flows) >= 2 || !flows.alive());
            long known = flows.results().size();
            flows.terminate();
            int exit = flows.await(Duration.ofMinutes(1));
            boolean browsersGone = MonitorProcess.waitUntil(Duration.ofSeconds(5), () -> flows.marked().isEmpty());
            List<String> pings = events(receiver);
            String state = flows.alertState();
            long stateKeys = state.lines().filter(l -> l.contains("\"journey:") || l.contains("\"page:")).count();
            row("TERM mid-run", exit, flows.took(), receiver.requests().size(), pings, known,
                    "exited " + Durations.say(flows.sinceSignal()) + " after TERM; disparity.json "
                            + (flows.disparityReport().isPresent() ? "written" : "MISSING") + "; alert state keys "
                            + stateKeys + "; Allure results " + flows.allureResults() + "; browsers left "
                            + flows.marked().size());
            goals.check("TERM: exits within 10 s, every verdict kept (results log, disparity.json, alert state, "
                            + "Allure), failure ping sent, no browser left",
                    midRun && flows.sinceSignal().compareTo(Duration.ofSeconds(10)) <= 0
                            && flows.disparityReport().isPresent() && stateKeys > 0
                            && flows.allureResults() >= journeyVerdicts(flows)
                            && pings.stream().anyMatch(p -> p.startsWith("finish") && !p.endsWith("PASSED"))
                            && browsersGone,
                    "mid-run " + midRun + ", " + known + " verdicts known at TERM, exit after "
                            + Durations.say(flows.sinceSignal()) + ", pings " + pings);
        } finally {
            clearFaults();
        }
    }

    /** kill -9 while browsers of both engines run: what survives, and whether the next start removes it. */
    private void kill9() {
        try (HeartbeatReceiver receiver = HeartbeatReceiver.start()) {
            slowAccountPages();
            MonitorProcess flows = MonitorProcess.run(dir("kill -9"), config(receiver.url("/hook"), "playwright"),
                    "--engines", "playwright,selenium");
            boolean midRun = MonitorProcess.waitUntil(LIMIT, () -> journeyVerdicts(flows) >= 2 && flows.marked().size() > 0
                    || !flows.alive());
            int atKill = flows.marked().size();
            flows.kill();
            int exit = flows.await(Duration.ofMinutes(1));
            MonitorProcess.waitUntil(Duration.ofSeconds(5), () -> flows.marked().isEmpty());
            int afterFiveSeconds = flows.marked().size();
            long tempAfter = flows.tempFolders();
            clearFaults();

            MonitorProcess next = MonitorProcess.run(dir("kill -9, next start"), config(receiver.url("/hook"), "playwright"),
                    "--no-journeys");
            int nextExit = next.await(LIMIT);
            int leftAfterNext = flows.marked().size();
            long tempAfterNext = flows.tempFolders();
            String swept = next.stderr().lines().filter(l -> l.contains("removed")).findFirst().orElse("(nothing removed)");
            row("kill -9 mid-run", exit, flows.took(), receiver.requests().size(), events(receiver), flows.results().size(),
                    "marked processes at kill " + atKill + ", 5 s later " + afterFiveSeconds + ", temp folders "
                            + tempAfter + "; next start (exit " + nextExit + "): " + swept.strip()
                            + "; then processes " + leftAfterNext + ", temp folders " + tempAfterNext);
            goals.check("kill -9: no browser or driver outlives the monitor by more than a few seconds, or the next "
                            + "start removes it (processes and temp folders)",
                    midRun && atKill > 0 && (afterFiveSeconds == 0 || leftAfterNext == 0) && tempAfterNext == 0,
                    atKill + " at kill, " + afterFiveSeconds + " after 5 s, " + leftAfterNext + " after the next start; temp "
                            + tempAfter + " -> " + tempAfterNext);
        } finally {
            clearFaults();
        }
    }

    /** --for as a deadline: a page that never answers in time cannot hold the run or its heartbeat back. */
    private void deadline() {
        try (HeartbeatReceiver receiver = HeartbeatReceiver.start()) {
            live.faults().latency("/", Duration.ofSeconds(25));
            MonitorProcess flows = MonitorProcess.run(dir("--for deadline"), config(receiver.url("/hook"), "playwright"),
                    "--no-journeys", "--every", "1s", "--for", "3s");
            int exit = flows.await(LIMIT);
            List<String> pings = events(receiver);
            boolean notRun = flows.stdout().contains("not run");
            row("--for 3s, a page taking 25 s", exit, flows.took(), receiver.requests().size(), pings,
                    flows.results().size(), notRun ? "unfinished checks reported as not run" : "no 'not run' line");
            goals.check("--for is a deadline: the run ends within 3 s + 10 s with a finish ping and the cut checks "
                            + "reported as not run",
                    flows.took().compareTo(Duration.ofSeconds(13)) <= 0 && notRun
                            && pings.stream().anyMatch(p -> p.startsWith("finish")),
                    "ended after " + Durations.say(flows.took()) + ", exit " + exit + ", pings " + pings);
        } finally {
            clearFaults();
        }
    }

    private void slowAccountPages() {
        // The last example journey (account login) waits a minute for its page: the run is mid-journey for long.
        live.faults().latency("/account/login", Duration.ofSeconds(60));
        fallback.faults().latency("/account/login", Duration.ofSeconds(60));
    }

    private void clearFaults() {
        live.faults().clear();
        fallback.faults().clear();
    }

    private static long journeyVerdicts(MonitorProcess flows) {
        return flows.results().stream().filter(l -> l.contains("\"key\":\"journey:")).count();
    }

    /** The webhook events received: "start", "finish PASSED", "finish BROKEN"... */
    private static List<String> events(HeartbeatReceiver receiver) {
        List<String> events = new ArrayList<>();
        for (HeartbeatReceiver.Request r : receiver.requests()) {
            try {
                JsonNode body = JSON.readTree(r.body());
                String event = body.path("event").asText();
                events.add(event.equals("finish") ? event + " " + body.path("status").asText() : event);
            } catch (IOException e) {
                events.add("unreadable");
            }
        }
        return events.stream().distinct().toList();
    }

    private Path dir(String scenario) {
        return work.resolve(scenario.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    private void row(String scenario, int exit, Duration took, int requests, List<String> pings, long verdicts, String notes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario);
        row.put("exitCode", exit);
        row.put("tookMs", took.toMillis());
        row.put("heartbeatRequests", requests);
        row.put("pings", pings);
        row.put("verdictsLogged", verdicts);
        row.put("notes", notes);
        rows.add(row);
        System.out.printf("%-38s exit %2d  %8s  %2d requests  %-28s %3d verdicts  %s%n", scenario, exit,
                Durations.say(took), requests, String.join(", ", pings), verdicts, notes);
    }
}
