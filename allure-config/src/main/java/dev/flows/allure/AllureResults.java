package dev.flows.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flows.run.Run;
import dev.flows.site.Site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An Allure results folder and the files around the results that make a report useful: the shipped defect
 * categories, the run's environment, the executor (GitHub Actions or local) and the previous report's history.
 *
 * <pre>{@code
 * AllureResults results = AllureResults.in(AllureResults.defaultFolder());
 * results.copyHistory(Path.of("target/allure-history"));      // before generating: trends and flaky history
 * results.writeCategories();
 * results.writeEnvironment(sites, Map.of("playwright", browser.describe()));
 * results.writeExecutor(System.getenv());
 * }</pre>
 */
public final class AllureResults {

    /** The shipped categories, on the classpath. */
    public static final String CATEGORIES_RESOURCE = "/dev/flows/allure/categories.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    private AllureResults(Path folder) {
        this.folder = folder;
    }

    public static AllureResults in(Path folder) {
        return new AllureResults(Objects.requireNonNull(folder, "folder"));
    }

    /** Allure's own setting {@code allure.results.directory} (system property), else {@code target/allure-results}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("allure.results.directory", "target/allure-results"));
    }

    public Path folder() {
        return folder;
    }

    /** Copies the shipped {@code categories.json} into the results. */
    public Path writeCategories() {
        Path target = folder.resolve("categories.json");
        try (InputStream in = AllureResults.class.getResourceAsStream(CATEGORIES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Flows jar lacks " + CATEGORIES_RESOURCE);
            }
            Files.createDirectories(folder);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.toAbsolutePath(), e);
        }
    }

    /**
     * Writes {@code environment.properties}: every site (name = url and role), every engine with its browser
     * (engine id -> {@code Browser.describe()}) and the Flows version.
     */
    public Path writeEnvironment(Collection<Site> sites, Map<String, String> browsers) {
        Properties p = new Properties();
        p.setProperty("flows.version", Run.defaultUserAgentSuffix().replace("FlowsMonitor/", ""));
        sites.forEach(s -> p.setProperty("site." + s.name(), s.baseUrl() + " (" + s.role() + (s.production() ? ", production" : "") + ")"));
        p.setProperty("engines", String.join(", ", browsers.keySet()));
        browsers.forEach((engine, browser) -> p.setProperty("browser." + engine, browser));
        p.setProperty("java", System.getProperty("java.vendor", "") + " " + System.getProperty("java.version", ""));
        Path target = folder.resolve("environment.properties");
        try {
            Files.createDirectories(folder);
            try (var out = Files.newBufferedWriter(target)) {
                p.store(out, null);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.toAbsolutePath(), e);
        }
    }

    /**
     * Writes {@code executor.json}: on GitHub Actions (from {@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY},
     * {@code GITHUB_RUN_ID}, {@code GITHUB_RUN_NUMBER}, {@code GITHUB_WORKFLOW}) the run's link and build name;
     * elsewhere a local executor.
     */
    public Path writeExecutor(Map<String, String> env) {
        Map<String, Object> executor = executor(env);
        Path target = folder.resolve("executor.json");
        try {
            Files.createDirectories(folder);
            JSON.writeValue(target.toFile(), executor);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.toAbsolutePath(), e);
        }
    }

    static Map<String, Object> executor(Map<String, String> env) {
        Map<String, Object> executor = new LinkedHashMap<>();
        String runId = env.get("GITHUB_RUN_ID");
        String repository = env.get("GITHUB_REPOSITORY");
        if (runId != null && !runId.isBlank() && repository != null && !repository.isBlank()) {
            String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
            String runNumber = env.getOrDefault("GITHUB_RUN_NUMBER", runId);
            String workflow = env.getOrDefault("GITHUB_WORKFLOW", "workflow");
            executor.put("name", "GitHub Actions");
            executor.put("type", "github");
            executor.put("url", server + "/" + repository);
            executor.put("buildOrder", parseLong(runNumber));
            executor.put("buildName", workflow + " #" + runNumber);
            executor.put("buildUrl", server + "/" + repository + "/actions/runs/" + runId);
            executor.put("reportName", "Flows: " + repository);
        } else {
            executor.put("name", "local");
            executor.put("type", "local");
            executor.put("buildName", "local run on " + env.getOrDefault("HOSTNAME", "this machine"));
            executor.put("reportName", "Flows");
        }
        return executor;
    }

    private static Object parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /**
     * Copies {@code history} (a previous report's {@code history/} folder, or a folder a CI cache restored) into
     * {@code <results>/history}, so the next report shows trends and flaky history. A missing folder is a first run.
     *
     * @return how many files were copied
     */
    public int copyHistory(Path history) {
        if (history == null || !Files.isDirectory(history)) {
            return 0;
        }
        Path target = folder.resolve("history");
        try (Stream<Path> files = Files.list(history)) {
            Files.createDirectories(target);
            int n = 0;
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Allure history from " + history.toAbsolutePath() + " to " + target.toAbsolutePath(), e);
        }
    }
}
