package dev.flows.monitor.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that say what to check and where the results go: shared by run, check and validate. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "<file>",
            description = "flows.yaml: sites, checks, journeys, heartbeats, alert threshold. Absent: the embedded demo store")
    Path config;

    @Option(names = "--demo-store",
            description = "Start the embedded demo store (live and fallback) and give its addresses to the config as"
                    + " ${DEMO_LIVE_URL} and ${DEMO_FALLBACK_URL}")
    boolean demoStore;

    @Option(names = "--output", paramLabel = "<folder>",
            description = "Reports and diagnostics (default: the config's output, else target/flows-output)")
    Path output;

    @Option(names = "--alert-state", paramLabel = "<file>", description = "Overrides alert.state")
    Path alertState;

    @Option(names = "--alert-after", paramLabel = "<n>", description = "Overrides alert.after: failures in a row before the alarm")
    Integer alertAfter;

    @Option(names = "--allure-results", paramLabel = "<folder>", description = "Allure results (default target/allure-results)")
    Path allureResults;
}
