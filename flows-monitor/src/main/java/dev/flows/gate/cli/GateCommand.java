package dev.flows.gate.cli;

import dev.flows.check.PageCheck;
import dev.flows.config.FlowsConfig;
import dev.flows.gate.Gate;
import dev.flows.gate.GatePolicy;
import dev.flows.gate.GateReport;
import dev.flows.gate.Verdict;
import dev.flows.journey.Journey;
import dev.flows.site.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code flows gate}: is the canary at least as healthy as the stable version? Runs the journeys and page checks on
 * both, interleaved, and prints promote, hold or rollback with the evidence; the exit code tells the rollout.
 *
 * <pre>{@code
 * int exit = new CommandLine(new GateCommand(journeys)).execute("--config", "flows.yaml", "--rounds", "10");
 * }</pre>
 *
 * <p>Exit codes: 0 promote, 1 rollback, 3 hold (change it with {@code --hold-exit-code}), 2 when the gate itself
 * could not run (bad arguments or config). A Kubernetes Job (an Argo Rollouts job metric, a Helm test hook)
 * succeeds on 0 only: promote passes, rollback and hold fail it.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Compare a candidate (canary) site with a baseline (stable) site: promote, hold or rollback.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:promote", "1:rollback", "2:the gate could not run (bad arguments or config)",
                "3:hold: not enough evidence, or over a threshold but within noise (--hold-exit-code)"})
public final class GateCommand implements Callable<Integer> {

    private final java.util.function.BiFunction<Path, FlowsConfig, List<Journey>> journeys;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "<file>",
            description = "flows.yaml with both sites and the gate: section")
    private Path config;

    @Option(names = "--baseline", paramLabel = "<site>", description = "the stable site (default: gate.baseline)")
    private String baselineName;

    @Option(names = "--candidate", paramLabel = "<site>", description = "the canary site (default: gate.candidate)")
    private String candidateName;

    @Option(names = "--rounds", paramLabel = "<n>", description = "measured rounds (default: gate.rounds, else 10)")
    private Integer rounds;

    @Option(names = "--json", paramLabel = "<file>", description = "where the JSON evidence goes (default: <output>/gate.json)")
    private Path json;

    @Option(names = "--hold-exit-code", paramLabel = "<code>", defaultValue = "3",
            description = "exit code for hold (default 3; 0 lets a hold pass a Job, e.g. when a later step gates again)")
    private int holdExitCode;

    /** A gate over these journeys (none: page checks only). */
    public GateCommand(List<Journey> journeys) {
        List<Journey> fixed = List.copyOf(Objects.requireNonNull(journeys, "journeys"));
        this.journeys = (file, config) -> fixed;
    }

    /** A gate over the journeys that {@code journeys} finds for the config file it is given (as {@code flows run} does). */
    public GateCommand(java.util.function.BiFunction<Path, FlowsConfig, List<Journey>> journeys) {
        this.journeys = Objects.requireNonNull(journeys, "journeys");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Gate gate;
        FlowsConfig flows;
        try {
            flows = FlowsConfig.read(config);
            List<Site> sites = flows.siteList();
            Site baseline = site(sites, baselineName != null ? baselineName : flows.gate().baseline(), "stable", "baseline");
            Site candidate = site(sites, candidateName != null ? candidateName : flows.gate().candidate(), "canary", "candidate");
            GatePolicy policy = rounds == null ? flows.gate().policy() : flows.gate().policy().withRounds(rounds);
            java.io.PrintStream progress = new java.io.PrintStream(new WriterStream(out), true, java.nio.charset.StandardCharsets.UTF_8);
            gate = Gate.builder()
                    .baseline(baseline)
                    .candidate(candidate)
                    .journeys(journeys.apply(config, flows))
                    .pageChecks(site -> flows.checks().pages().stream()
                            .map(p -> new PageCheck(site, p.type(), p.path(), p.status(), p.marker(), p.budget())).toList())
                    .engine(flows.browserConfig())
                    .runSettings(flows::applySettingsTo)
                    .pageClient(dev.flows.check.PageChecks.builder().timeout(flows.timeouts().navigation()).traffic(flows.traffic().toMark()))
                    .policy(policy)
                    .output(flows.output())
                    .out(progress)
                    .build();
        } catch (RuntimeException e) {
            err.println("flows gate: " + dev.flows.browser.Messages.firstLine(e.getMessage()));
            return 2;
        }
        GateReport report = gate.run();
        int exit = report.verdict() == Verdict.HOLD ? holdExitCode : report.verdict().exitCode();
        Path file = report.writeJson(json != null ? json : flows.output().resolve("gate.json"), exit);
        out.println();
        out.print(report.table());
        out.println("Evidence: " + file.toAbsolutePath());
        out.println("Exit code " + exit + " (" + report.verdict().word() + ")");
        out.flush();
        return exit;
    }

    private static Site site(List<Site> sites, String name, String role, String what) {
        if (name != null) {
            return sites.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "no site named '" + name + "' for the " + what + " (sites are "
                            + String.join(", ", sites.stream().map(Site::name).toList()) + ")"));
        }
        return sites.stream().filter(s -> s.role().equals(role)).findFirst()
                .or(() -> what.equals("baseline") ? sites.stream().findFirst() : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " site: name one with gate." + what
                        + " or --" + what + ", or give a site the role " + role));
    }

    /** The gate's progress lines go to the command's own writer, so a caller that captures its output gets them too. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
