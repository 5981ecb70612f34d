package dev.flows.allure;

import dev.flows.journey.Journey;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunListener;
import dev.flows.site.Site;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes one Allure result per journey, site and engine of a run that is not a test (a monitor main), through its
 * own results writer: no Allure test-framework adapter and no thread-local Allure context are involved.
 *
 * <pre>{@code
 * AllureRunListener allure = new AllureRunListener(Path.of("target/allure-results"));
 * RunResult result = Run.builder().listener(allure)...build().execute();
 * AllureResults.in(Path.of("target/allure-results")).writeAll(result, Map.of("playwright", browser.describe()));
 * }</pre>
 */
public final class AllureRunListener implements RunListener {

    private final AllureResultsWriter writer;
    private final FallbackOnly fallbackOnly = new FallbackOnly();
    private final Map<String, String> browsers = new ConcurrentHashMap<>();

    /** Writes into {@code resultsFolder} (created when missing). */
    public AllureRunListener(Path resultsFolder) {
        this(new FileSystemResultsWriter(Objects.requireNonNull(resultsFolder, "resultsFolder")));
    }

    public AllureRunListener(AllureResultsWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Names the browser of an engine ("playwright" -> {@code Browser.describe()}) for the {@code browser} label. */
    public AllureRunListener browser(String engine, String description) {
        browsers.put(engine, description);
        return this;
    }

    @Override
    public void journeyFinished(Journey journey, Site site, JourneyResult result) {
        TestResult test = new TestResult().setUuid(UUID.randomUUID().toString());
        new AllureJourney(result, browsers.getOrDefault(result.engine(), "")).applyTo(test, writer::write);
        java.util.List<TestResult> marked = fallbackOnly.record(result, test);
        writer.write(test);
        // A held fallback result again, under its own uuid: the writer replaces the earlier file with the marked one.
        marked.stream().filter(t -> t != test).forEach(writer::write);
    }
}
