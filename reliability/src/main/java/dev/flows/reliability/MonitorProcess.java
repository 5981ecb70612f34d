package dev.flows.reliability;

import dev.flows.engine.spi.Leftovers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The {@code flows} command in a JVM of its own, as a scheduled job runs it: its output in files, its folders under
 * one directory, and what it leaves behind (marked processes, temporary folders) countable after it is gone.
 */
final class MonitorProcess {

    private final Path dir;
    private final Process process;
    private final long startNanos = System.nanoTime();
    private long signalNanos;
    private long endNanos;

    private MonitorProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts {@code flows run --config <dir>/flows.yaml} with its output, alert state and Allure results in {@code dir}. */
    static MonitorProcess run(Path dir, String config, String... options) {
        try {
            // A scenario starts from nothing: an earlier run's results would look like this run's verdicts.
            deleteRecursively(dir);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("flows.yaml"), config);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "dev.flows.monitor.cli.Flows", "run",
                    "--config", dir.resolve("flows.yaml").toString(),
                    "--output", dir.resolve("out").toString(),
                    "--alert-state", dir.resolve("alert-state.json").toString(),
                    "--allure-results", dir.resolve("allure-results").toString()));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile());
            builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            builder.environment().put("SE_OFFLINE", "true");
            return new MonitorProcess(dir, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the flows command in " + dir, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the command to end by itself; -1 when it did not within {@code limit} (it is then killed). */
    int await(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                endNanos = System.nanoTime();
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        endNanos = System.nanoTime();
        return process.exitValue();
    }

    /** SIGTERM, as a cancelled GitHub job sends; the time from the signal to the end is {@link #sinceSignal}. */
    void terminate() {
        signalNanos = System.nanoTime();
        process.destroy();
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() {
        signalNanos = System.nanoTime();
        process.destroyForcibly();
    }

    Duration sinceSignal() {
        return Duration.ofNanos(endNanos - signalNanos);
    }

    Duration took() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    String stdout() {
        return read(dir.resolve("stdout.txt"));
    }

    String stderr() {
        return read(dir.resolve("stderr.txt"));
    }

    /** Lines of every results.jsonl the run wrote so far. */
    List<String> results() {
        return files(dir.resolve("out"), "results.jsonl").stream().flatMap(f -> read(f).lines()).toList();
    }

    Optional<Path> disparityReport() {
        return files(dir.resolve("out"), "disparity.json").stream().findFirst();
    }

    String alertState() {
        return read(dir.resolve("alert-state.json"));
    }

    long allureResults() {
        return files(dir.resolve("allure-results"), "-result.json").size();
    }

    /** Processes still running that an engine of this JVM started (marked with {@link Leftovers#MARK}). */
    List<ProcessHandle> marked() {
        return markedBy(process.pid());
    }

    static List<ProcessHandle> markedBy(long ownerPid) {
        String mark = Leftovers.MARK + "=" + ownerPid;
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                byte[] environ = Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "environ"));
                for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
                    if (entry.equals(mark)) {
                        return true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Gone, or not ours to read.
            }
            return false;
        }).toList();
    }

    /** Temporary folders named after this JVM ({@link Leftovers#tempPrefix}). */
    long tempFolders() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("flows-")
                    && p.getFileName().toString().contains("-" + process.pid() + "-")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Polls {@code condition} every 100 ms until it holds or {@code limit} passes; whether it held. */
    static boolean waitUntil(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();  // The monitor is still writing: the next look sees it.
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!dev.flows.engine.spi.Leftovers.deleteFolder(dir)) {
            throw new IOException("cannot delete " + dir);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
