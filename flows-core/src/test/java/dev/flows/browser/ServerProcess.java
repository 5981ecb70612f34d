package dev.flows.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A server the remote contract tests start in a child process on loopback (a Selenium Grid, a Playwright server),
 * with a private temporary folder. Closing it stops the server and every process it started, deletes the folder,
 * and fails if any of those processes is still alive.
 */
final class ServerProcess implements AutoCloseable {

    // Two cores shared with other builds: a JVM plus Node or a Grid can take long to come up.
    private static final Duration STARTUP = Duration.ofSeconds(120);
    // A wait for a condition, not a tuned figure: under a load average of 20 a Node process may need far longer than
    // on an idle machine to finish its graceful exit. Only processes that survive a SIGKILL as well are a failure.
    private static final Duration SHUTDOWN = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path folder;

    private ServerProcess(String name, Process process, Path folder) {
        this.name = name;
        this.process = process;
        this.folder = folder;
    }

    /** A loopback port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * Starts {@code command} and waits until {@code ready} holds. {@code TMPDIR} and the child's temporary folder
     * point at a private folder, so that browsers and drivers leave nothing in the machine's /tmp.
     */
    static ServerProcess start(String name, List<String> command, Map<String, String> env, BooleanSupplier ready) {
        Path folder;
        try {
            folder = Files.createTempDirectory("flows-" + name.toLowerCase().replace(' ', '-') + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the " + name, e);
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("server.log").toFile());
            builder.environment().putAll(env);
            builder.environment().put("TMPDIR", folder.toString());
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(folder);
            throw new UncheckedIOException("cannot start the " + name + ": " + command, e);
        }
        ServerProcess server = new ServerProcess(name, process, folder);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = server.log();
                server.close();
                throw new IllegalStateException("the " + name + " did not come up within " + STARTUP.toSeconds()
                        + " s (" + (process.isAlive() ? "still starting" : "exit code " + process.exitValue())
                        + "): " + command + "\n" + log);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
                throw new IllegalStateException("interrupted while the " + name + " started");
            }
        }
        return server;
    }

    /** The server's processes whose command line contains {@code word}, as "pid command". */
    List<String> running(String word) {
        return process.descendants().filter(p -> p.info().commandLine().orElse("").contains(word))
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.toList());
    }

    String log() {
        try {
            return Files.readString(folder.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        // Take the whole tree before anything exits: an orphaned browser is no longer a descendant of anything here.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        // Every process, not just the top one: the Playwright CLI's JVM does not pass a SIGTERM on to its Node.
        tree.forEach(ProcessHandle::destroy);
        List<String> alive = waitForExit(tree);
        if (!alive.isEmpty()) {
            // Slow to exit is not leaking: a busy machine may take longer than the grace period. Kill what is left.
            tree.forEach(ProcessHandle::destroyForcibly);
            alive = waitForExit(tree);
        }
        deleteQuietly(folder);
        if (!alive.isEmpty()) {
            throw new AssertionError("the " + name + " left processes running even after SIGKILL: " + alive);
        }
    }

    private static List<String> waitForExit(List<ProcessHandle> tree) {
        long deadline = System.nanoTime() + SHUTDOWN.toNanos();
        List<String> alive;
        do {
            alive = tree.stream().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.toList());
            if (alive.isEmpty()) {
                return alive;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        } while (System.nanoTime() < deadline);
        return alive;
    }

    private static void deleteQuietly(Path folder) {
        // A leftover temporary folder is not worth failing a test run for.
        dev.flows.engine.spi.Leftovers.deleteFolder(folder);
    }
}
