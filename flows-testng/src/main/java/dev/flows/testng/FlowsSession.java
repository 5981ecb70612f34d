package dev.flows.testng;

import dev.flows.allure.AllureJourney;
import dev.flows.allure.AllureResults;
import dev.flows.allure.FallbackOnly;
import dev.flows.browser.Browser;
import dev.flows.browser.BrowserConfig;
import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.Run;
import dev.flows.site.Site;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import org.testng.ITestContext;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The browsers and sites of one TestNG suite, kept as a suite attribute by {@link FlowsListener}: one browser per
 * engine for the whole suite (a launch costs seconds), one fresh page per journey attempt. Thread-safe: tests of a
 * parallel data provider share it.
 */
public final class FlowsSession implements AutoCloseable {

    /** The suite attribute that holds the session. */
    public static final String ATTRIBUTE = FlowsSession.class.getName();

    private static final System.Logger LOG = System.getLogger(FlowsSession.class.getName());

    private final FlowsSetup setup;
    private final List<Site> sites;
    private final Map<String, Browser> browsers = new LinkedHashMap<>();
    private final Map<String, RuntimeException> launchFailures = new LinkedHashMap<>();
    private final String runId = "testng-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final FallbackOnly fallbackOnly = new FallbackOnly();
    private final FileSystemResultsWriter rewriter;

    private FlowsSession(FlowsSetup setup) {
        this.setup = setup;
        this.sites = List.copyOf(setup.sites());
        if (sites.isEmpty()) {
            throw new IllegalArgumentException(setup.getClass().getName() + ".sites() returned no site");
        }
        this.rewriter = new FileSystemResultsWriter(setup.allureResults());
    }

    /** Launches every engine of {@code setup}; an engine that cannot start makes its journeys BROKEN, not the suite. */
    static FlowsSession start(FlowsSetup setup) {
        FlowsSession session = new FlowsSession(setup);
        for (BrowserConfig config : setup.engines()) {
            try {
                session.browsers.put(config.engine().id(), Browser.launch(config));
            } catch (RuntimeException e) {
                session.launchFailures.put(config.engine().id(), e);
            }
        }
        return session;
    }

    /** The session of the suite {@code context} belongs to. */
    public static FlowsSession of(ITestContext context) {
        Object session = context.getSuite().getAttribute(ATTRIBUTE);
        if (session instanceof FlowsSession s) {
            return s;
        }
        Object failure = context.getSuite().getAttribute(FlowsListener.FAILURE_ATTRIBUTE);
        if (failure != null) {
            throw new IllegalStateException("the Flows suite could not start: " + failure);
        }
        throw new IllegalStateException("no Flows session in suite '" + context.getSuite().getName()
                + "': add <listener class-name=\"" + FlowsListener.class.getName() + "\"/> and <parameter name=\""
                + FlowsListener.SETUP_PARAMETER + "\" value=\"<your FlowsSetup class>\"/> to the suite");
    }

    public List<Site> sites() {
        return sites;
    }

    /** The engine ids, in the setup's order (launched or not). */
    public List<String> engines() {
        List<String> ids = new ArrayList<>();
        setup.engines().forEach(c -> ids.add(c.engine().id()));
        return ids;
    }

    /** Every journey on every site with every engine: the rows of a data provider. */
    public Object[][] cases(List<Journey> journeys) {
        List<Object[]> rows = new ArrayList<>();
        for (Journey journey : journeys) {
            for (Site site : sites) {
                for (String engine : engines()) {
                    rows.add(new Object[]{new JourneyCase(journey, site, engine)});
                }
            }
        }
        return rows.toArray(new Object[0][]);
    }

    /**
     * Runs one case in a run of its own (fresh pages, the setup's retries) and records it in the current Allure
     * test, or in a result of its own when no Allure test-framework adapter is listening.
     */
    public JourneyResult run(JourneyCase c) {
        Run.Builder run = Run.builder();
        setup.configure(run);
        Browser browser = browsers.get(c.engine());
        if (browser != null) {
            run.browser(browser);
        } else {
            // Launch failed at suite start: the run tries again and reports the journey BROKEN with the reason.
            run.engine(setup.engines().stream().filter(e -> e.engine().id().equals(c.engine())).findFirst().orElseThrow());
        }
        JourneyResult result = run.journey(c.journey()).site(c.site()).runId(runId)
                .build().execute().results().get(0);
        try {
            report(result, browser == null ? "" : browser.describe());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not write the Allure result of " + c + "; the verdict stands", e);
        }
        return result;
    }

    private void report(JourneyResult result, String browser) {
        AllureJourney journey = new AllureJourney(result, browser);
        AllureLifecycle lifecycle = Allure.getLifecycle();
        Optional<String> current = lifecycle.getCurrentTestCase();
        List<TestResult> marked = new ArrayList<>();
        TestResult[] own = new TestResult[1];
        if (current.isPresent()) {
            lifecycle.updateTestCase(current.get(), test -> {
                journey.applyTo(test, lifecycle::writeAttachment);
                own[0] = test;
                marked.addAll(fallbackOnly.record(result, test));
            });
        } else {
            TestResult test = new TestResult().setUuid(UUID.randomUUID().toString());
            journey.applyTo(test, rewriter::write);
            own[0] = test;
            marked.addAll(fallbackOnly.record(result, test));
            rewriter.write(test);
        }
        // Fallback results marked now that their live site passed were written already: write them again (same uuid).
        marked.stream().filter(t -> t != own[0]).forEach(rewriter::write);
    }

    /** Writes the categories, environment and executor next to the results; marks fallback-only failures for good. */
    void writeReportFiles() {
        // allure-testng wrote each failed test with its exception's message: put the "fallback only" mark back.
        fallbackOnly.markAgain().forEach(rewriter::write);
        AllureResults results = AllureResults.in(setup.allureResults());
        results.writeCategories();
        Map<String, String> described = new LinkedHashMap<>();
        browsers.forEach((engine, b) -> described.put(engine, b.describe()));
        launchFailures.forEach((engine, e) -> described.put(engine, "could not start: " + e.getMessage()));
        results.writeEnvironment(sites, described);
        results.writeExecutor(System.getenv());
    }

    @Override
    public void close() {
        browsers.values().forEach(b -> {
            try {
                b.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not close the " + b.engine() + " browser", e);
            }
        });
        try {
            setup.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not close " + setup.getClass().getName(), e);
        }
    }
}
