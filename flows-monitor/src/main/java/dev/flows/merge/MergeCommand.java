package dev.flows.merge;

import dev.flows.report.DisparityReport;
import dev.flows.report.ResultsJson;
import dev.flows.run.JourneyResult;
import dev.flows.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code flows merge}: the results of shards run on several CI runners ({@code flows run --shard i/n}) as one run:
 * one disparity report, one {@code results.json} and one Allure results folder.
 *
 * <pre>{@code
 * flows merge --output merged shard-1 shard-2 shard-3
 * }</pre>
 *
 * <p>Each shard folder is what a shard job uploaded: somewhere inside, one or more {@code results.json} (written by
 * the run next to its {@code disparity.json}) and, optionally, an {@code allure-results} folder. Allure results are
 * named by UUID, so copying them side by side merges them; of the suite-wide files ({@code categories.json},
 * {@code executor.json}) the first is kept, and {@code environment.properties} keeps every distinct line. A
 * journey x site x engine that two shards both ran is an error: the shards were not split from the same run.
 *
 * <p>Exit codes: as a run's, over the merged results (0 all worked, 1 a journey failed, 2 one was BROKEN), and 2
 * when the shards cannot be merged.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the results of shards (flows run --shard i/n) into one report.")
public final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "<folder>", defaultValue = "target/flows-merged",
            description = "where the merged disparity.json, results.json and allure-results/ go (default: ${DEFAULT-VALUE})")
    private Path output;

    @Parameters(arity = "1..*", paramLabel = "<shard folder>", description = "the folders the shard jobs produced")
    private List<Path> shards;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunResult merged;
        try {
            merged = merge(shards, output);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("flows merge: " + dev.flows.browser.Messages.firstLine(e.getMessage()));
            return 2;
        }
        DisparityReport report = DisparityReport.of(merged);
        Path json = report.writeJson(output.resolve("disparity.json"));
        out.print(report.table());
        out.println();
        out.println(merged.results().size() + " results from " + shards.size() + " shards.");
        out.println("Report: " + json.toAbsolutePath());
        out.println("Allure results: " + output.resolve("allure-results").toAbsolutePath());
        out.flush();
        return merged.exitCode();
    }

    /** Merges the shard folders into {@code output} ({@code results.json}, {@code allure-results/}); returns the results. */
    public static RunResult merge(List<Path> shardFolders, Path output) {
        List<JourneyResult> results = new ArrayList<>();
        Map<dev.flows.run.ResultKey, Path> seen = new HashMap<>();
        Duration took = Duration.ZERO;
        for (Path shard : shardFolders) {
            if (!Files.isDirectory(shard)) {
                throw new IllegalArgumentException("shard folder not found: " + shard);
            }
            List<Path> files = find(shard, ResultsJson.FILE, false);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no " + ResultsJson.FILE + " in shard folder " + shard
                        + " (the run writes it next to disparity.json)");
            }
            for (Path file : files) {
                RunResult run = ResultsJson.read(file);
                took = took.compareTo(run.took()) >= 0 ? took : run.took();   // shards run side by side: the longest
                for (JourneyResult r : run.results()) {
                    Path before = seen.putIfAbsent(r.key(), file);
                    if (before != null) {
                        throw new IllegalArgumentException(r.key() + " is in two shards: " + before + " and " + file
                                + " (were they split from the same run with --shard i/n?)");
                    }
                    results.add(r);
                }
            }
        }
        results.sort(Comparator.comparing(JourneyResult::journey).thenComparing(JourneyResult::site).thenComparing(JourneyResult::engine));
        RunResult merged = new RunResult("merged", output.toAbsolutePath(), took, results);
        ResultsJson.write(merged, output.resolve(ResultsJson.FILE));
        mergeAllure(shardFolders, output.resolve("allure-results"));
        return merged;
    }

    private static void mergeAllure(List<Path> shardFolders, Path target) {
        try {
            Files.createDirectories(target);
            Set<String> environment = new LinkedHashSet<>();
            for (Path shard : shardFolders) {
                for (Path folder : find(shard, "allure-results", true)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            String name = file.getFileName().toString();
                            if (name.equals("environment.properties")) {
                                environment.addAll(Files.readAllLines(file));
                            } else if (!Files.exists(target.resolve(name))) {
                                Files.copy(file, target.resolve(name));
                            }
                        }
                    }
                }
            }
            if (!environment.isEmpty()) {
                Files.write(target.resolve("environment.properties"), environment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the Allure results into " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> find(Path root, String name, boolean folders) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().equals(name) && (folders ? Files.isDirectory(p) : Files.isRegularFile(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shard folder " + root + ": " + e.getMessage(), e);
        }
    }
}
