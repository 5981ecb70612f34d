package dev.flows.monitor.cli;

import dev.flows.gate.cli.GateCommand;
import dev.flows.merge.MergeCommand;
import dev.flows.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The {@code flows} command: {@code run} (page checks and journeys, once or in a bounded loop), {@code check}
 * (page checks only) and {@code validate} (what would run, without running it).
 *
 * <pre>
 * java -jar flows-cli/target/flows-cli-0.1.0.jar run --config flows.yaml --every 60s --for 9m
 * java -jar flows-cli/target/flows-cli-0.1.0.jar validate --config flows.yaml
 * </pre>
 *
 * <p>Exit code: 0 when every check worked (flaky and degraded included), 1 when one failed, 2 when the command
 * itself could not do its job (a bad argument or config file, a broken journey), with one line on stderr.
 *
 * <p>A subcommand is a {@code @Command} class in {@link Command#subcommands()} below; it reaches the streams and
 * the variables through {@code @ParentCommand Flows flows}.
 */
@Command(name = "flows", mixinStandardHelpOptions = true, versionProvider = FlowsVersion.class,
        subcommands = {RunCommand.class, CheckCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
        description = "End-to-end user-flow monitoring for webshops: page checks and journeys on every site.")
public final class Flows implements Callable<Integer> {

    /** The exit code of a command that could not do its job: a bad argument, a bad config, a broken journey. */
    public static final int BROKEN = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> variables;

    /**
     * A command that prints to {@code out} and {@code err}, and gives {@code variables} to a config's
     * {@code ${NAME}} references on top of the environment (they win over it).
     */
    public Flows(PrintStream out, PrintStream err, Map<String, String> variables) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.variables = Map.copyOf(variables);
    }

    public static void main(String[] args) {
        System.exit(new Flows(System.out, System.err, Map.of()).execute(args));
    }

    /** Runs the command line and returns its exit code; never throws. */
    public int execute(String... args) {
        CommandLine line = new CommandLine(this);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        line.addSubcommand(new GateCommand((file, config) -> Plan.journeys(file, config, loader)));
        line.addSubcommand(new MergeCommand());
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        line.setParameterExceptionHandler(this::badArguments);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ParameterException p) {
                return badArguments(p, args);
            }
            err.println("flows: " + oneLine(e));
            return BROKEN;
        });
        line.setExitCodeExceptionMapper(e -> BROKEN);
        return line.execute(args);
    }

    /** Without a subcommand: the usage, and exit 2 (there was nothing to do). */
    @Override
    public Integer call() {
        CommandLine.usage(this, err);
        return BROKEN;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The environment, with this command's variables on top. */
    Map<String, String> environment() {
        Map<String, String> all = new HashMap<>(System.getenv());
        all.putAll(variables);
        return all;
    }

    /** The variables given on top of the environment (for config files, which see the environment themselves). */
    Map<String, String> variables() {
        return variables;
    }

    private int badArguments(ParameterException e, String[] args) {
        err.println("flows: " + describe(e));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
        return BROKEN;
    }

    /** One line for a command-line problem, naming the option and the value. */
    static String describe(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return "unknown argument '" + u.getUnmatched().get(0) + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o) {
            return o.longestName() + " needs a value";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandLine.TypeConversionException || cause instanceof IllegalArgumentException) {
                String option = e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() + ": " : "";
                return option + cause.getMessage();
            }
        }
        return e.getMessage();
    }

    static String oneLine(Throwable e) {
        // Our own exceptions are written for people; anything else is a bug, and its type says which.
        boolean ours = e instanceof ConfigException || e instanceof IllegalArgumentException
                || e instanceof java.io.UncheckedIOException;
        String message = ours && e.getMessage() != null ? e.getMessage() : e.toString();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
