package dev.flows.heartbeat;

import static dev.flows.heartbeat.Fixtures.FAILED;
import static dev.flows.heartbeat.Fixtures.RID;
import static dev.flows.heartbeat.Fixtures.RUN_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several heartbeats at once, some scoped to one site or journey and judged by those checks alone. */
class FanOutTest {

    private static final String ALL = "/hc/00000000-0000-4000-8000-000000000001";
    private static final String LIVE = "/hc/00000000-0000-4000-8000-000000000002";
    private static final String FALLBACK = "/hc/00000000-0000-4000-8000-000000000003";
    private static final String SEARCH = "/hc/00000000-0000-4000-8000-000000000004";

    private final HeartbeatReceiver receiver = HeartbeatReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void everyTargetJudgesItsOwnScope() {
        try (Heartbeat heartbeat = Fixtures.quick()
                .target(HeartbeatTarget.healthchecks(receiver.url(ALL)))
                .target(HeartbeatTarget.healthchecks(receiver.url(LIVE)).forSite("live"))
                .target(HeartbeatTarget.healthchecks(receiver.url(FALLBACK)).forSite("fallback"))
                .target(HeartbeatTarget.healthchecks(receiver.url(SEARCH)).forJourney("search"))
                .target(HeartbeatTarget.uptimeKuma(receiver.url("/kuma/api/push/Tk9x2")).forSite("fallback"))
                .build();
             HeartbeatRun run = heartbeat.start(RUN_ID)) {
            run.finish(FAILED);
        }
        assertEquals(9, receiver.requests().size(), receiver.lines().toString());
        Map<String, HeartbeatReceiver.Request> finish = receiver.requests().stream()
                .filter(r -> !r.path().endsWith("/start"))
                .collect(Collectors.toMap(r -> r.path().replaceAll("/fail$", ""), Function.identity()));

        assertEquals("POST " + ALL + "/fail?rid=" + RID, finish.get(ALL).line());
        assertEquals("POST " + LIVE + "/fail?rid=" + RID, finish.get(LIVE).line());
        assertEquals("2 checks: 1 passed, 1 failed. First failure: guest checkout on live, step 4 'add to cart': "
                + "button not found. Report: https://reports.example/42/", firstLine(finish.get(ALL)));
        assertEquals("1 check: 1 failed. First failure: guest checkout on live, step 4 'add to cart': "
                + "button not found. Report: https://reports.example/42/", firstLine(finish.get(LIVE)));

        assertEquals("POST " + FALLBACK + "?rid=" + RID, finish.get(FALLBACK).line());
        assertEquals("1 check: 1 passed. Report: https://reports.example/42/", firstLine(finish.get(FALLBACK)));

        assertEquals("POST " + SEARCH + "/fail?rid=" + RID, finish.get(SEARCH).line());
        assertEquals("Monitor broken: no check ran for journey 'search'. Report: https://reports.example/42/",
                firstLine(finish.get(SEARCH)));

        assertEquals("up", finish.get("/kuma/api/push/Tk9x2").params().get("status"));
        assertEquals(List.of(), receiver.requests().stream().filter(r -> r.path().startsWith("/kuma"))
                .filter(r -> r.params().get("status") == null).toList(), "Kuma gets no start ping");
    }

    private static String firstLine(HeartbeatReceiver.Request request) {
        return request.body().lines().findFirst().orElse("");
    }
}
