package dev.flows.testng;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.Storefront;
import dev.flows.heartbeat.HeartbeatReceiver;
import dev.flows.heartbeat.HeartbeatTarget;
import dev.flows.journey.Journey;
import dev.flows.monitor.RunAttachments;
import dev.flows.run.Run;
import dev.flows.site.Site;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A TestNG suite pings its heartbeat like the flows command: start when the suite starts, finish with the summary at its end. */
class SuiteHeartbeatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the receiver had heard when the journey ran: the start ping must be there already. */
    static final List<String> HEARD_DURING_THE_JOURNEY = new CopyOnWriteArrayList<>();
    static HeartbeatReceiver receiver;

    public static class LandingJourney extends JourneyTests {
        @Override
        protected List<Journey> journeys() {
            return List.of(Storefront.demoStore().journey("landing").landing()
                    .step("what the heartbeat heard so far", ctx -> HEARD_DURING_THE_JOURNEY.addAll(receiver.lines()))
                    .build());
        }
    }

    static final class OneShop implements FlowsSetup {
        final DemoStore live = DemoStore.builder().name("live").start();
        final Path folder;

        OneShop(Path folder) {
            this.folder = folder;
        }

        @Override
        public List<Site> sites() {
            return List.of(Site.builder("live").url(live.baseUrl()).build());
        }

        @Override
        public List<BrowserConfig> engines() {
            return List.of(BrowserConfig.playwright().build());
        }

        @Override
        public void configure(Run.Builder run) {
            run.output(folder.resolve("out"));
        }

        @Override
        public Path allureResults() {
            return folder.resolve("allure-results");
        }

        @Override
        public RunAttachments attachments() {
            return RunAttachments.builder().heartbeats(List.of(HeartbeatTarget.webhook(receiver.url("/hook"))))
                    .allureResults(allureResults()).output(folder.resolve("out"))
                    .alertState(folder.resolve("alert-state.json"), 1).build();
        }

        @Override
        public void close() {
            live.close();
        }
    }

    @Test
    void theSuiteSendsStartWhenItStartsAndFinishWithTheSummaryWhenItEnds(@TempDir Path folder) throws IOException {
        try (HeartbeatReceiver hooks = HeartbeatReceiver.start()) {
            receiver = hooks;
            TestListenerAdapter tests = runSuite(new FlowsListener(new OneShop(folder)), folder);
            assertEquals(1, tests.getPassedTests().size(), tests.getFailedTests().toString());

            assertEquals(List.of("POST /hook"), HEARD_DURING_THE_JOURNEY, "the start ping went out before the first test");
            List<JsonNode> pings = new ArrayList<>();
            for (HeartbeatReceiver.Request r : hooks.requests()) {
                pings.add(JSON.readTree(r.body()));
            }
            assertEquals(List.of("start", "finish"), pings.stream().map(p -> p.path("event").asText()).toList());
            JsonNode finish = pings.get(1);
            assertEquals(pings.get(0).path("runId").asText(), finish.path("runId").asText());
            assertEquals("PASSED", finish.path("status").asText(), finish.toString());
            assertEquals("1 check: 1 passed.", finish.path("summary").asText(), finish.toString());
            assertEquals("landing", finish.path("checks").get(0).path("journey").asText(), finish.toString());
            String runId = finish.path("runId").asText();
            assertTrue(Files.isRegularFile(folder.resolve("out").resolve(runId).resolve("disparity.json")), "the JSON report too");
            assertTrue(Files.isRegularFile(folder.resolve("alert-state.json")), "and the alert state");
        } finally {
            receiver = null;
        }
    }

    private static TestListenerAdapter runSuite(FlowsListener listener, Path folder) {
        AllureLifecycle before = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(folder.resolve("allure-results"))));
        try {
            XmlSuite suite = new XmlSuite();
            suite.setName("heartbeat");
            XmlTest test = new XmlTest(suite);
            test.setName("landing");
            test.setXmlClasses(List.of(new XmlClass(LandingJourney.class)));
            TestNG testng = new TestNG(false);
            testng.setXmlSuites(List.of(suite));
            testng.setOutputDirectory(folder.resolve("testng").toString());
            testng.setVerbose(0);
            TestListenerAdapter tests = new TestListenerAdapter();
            testng.addListener(tests);
            testng.addListener(listener);
            testng.run();
            return tests;
        } finally {
            Allure.setLifecycle(before);
        }
    }
}
