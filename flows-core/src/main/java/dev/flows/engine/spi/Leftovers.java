package dev.flows.engine.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * What a killed monitor leaves behind, and its removal. Engines start their drivers and browsers with
 * {@link #mark()} in the environment (inherited by every child), and name their temporary folders with
 * {@link #tempPrefix(String)}; a later start calls {@link #sweep()}, which kills the marked processes and deletes
 * the marked folders whose owning JVM no longer runs. A {@code kill -9} runs no shutdown hook, so this is the only
 * cleanup that survives it.
 *
 * <pre>{@code
 * Leftovers.Swept swept = Leftovers.sweep();   // at the monitor's start
 * }</pre>
 */
public final class Leftovers {

    /** The environment variable that names the JVM a process belongs to. */
    public static final String MARK = "FLOWS_OWNER_PID";

    private Leftovers() {
    }

    /** The environment entries an engine gives the processes it starts. */
    public static Map<String, String> mark() {
        return Map.of(MARK, String.valueOf(ProcessHandle.current().pid()));
    }

    /** "flows-selenium-profile-4242-": a temporary folder prefix that names this JVM. */
    public static String tempPrefix(String what) {
        return "flows-" + what + "-" + ProcessHandle.current().pid() + "-";
    }

    /** How many processes were killed and folders deleted. */
    public record Swept(int processes, int folders) {
        @Override
        public String toString() {
            return processes + " processes and " + folders + " temporary folders of a monitor that no longer runs";
        }
    }

    /** Kills marked processes and deletes marked temporary folders whose owner is gone. Linux only; elsewhere a no-op. */
    public static Swept sweep() {
        Path proc = Path.of("/proc");
        int processes = 0;
        List<ProcessHandle> killed = new ArrayList<>();
        if (Files.isDirectory(proc)) {
            try (Stream<Path> all = Files.list(proc)) {
                for (Path p : (Iterable<Path>) all.filter(x -> x.getFileName().toString().matches("\\d+"))::iterator) {
                    Optional<Long> owner = owner(p.resolve("environ"));
                    if (owner.isPresent() && !alive(owner.get())) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        Optional<ProcessHandle> process = ProcessHandle.of(pid);
                        if (process.map(ProcessHandle::destroyForcibly).orElse(false)) {
                            killed.add(process.get());
                            processes++;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Cleaning up is best effort: a process list that cannot be read leaves nothing worse than before.
            }
        }
        // A browser that is still dying writes into its profile while the folder is deleted: wait for the kills first.
        awaitExit(killed, Duration.ofSeconds(5));
        int folders = 0;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path f : (Iterable<Path>) entries::iterator) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("flows-[a-z-]+?-(\\d+)-.*")
                        .matcher(f.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                    if (deleteFolder(f)) {
                        folders++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // As above: best effort.
        }
        return new Swept(processes, folders);
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                return;  // Best effort: delete what can be deleted now.
            }
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> owner(Path environ) {
        try {
            String env = new String(Files.readAllBytes(environ), StandardCharsets.ISO_8859_1);
            for (String entry : env.split("\0")) {
                if (entry.startsWith(MARK + "=")) {
                    return Optional.of(Long.parseLong(entry.substring(MARK.length() + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not ours to read, or gone meanwhile.
        }
        return Optional.empty();
    }

    /**
     * Deletes a folder with everything in it, trying a few times over half a second: a browser that has just quit
     * may still be flushing its profile into it.
     *
     * @return whether the folder is gone
     */
    public static boolean deleteFolder(Path folder) {
        for (int attempt = 0; attempt < 5 && Files.exists(folder); attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // Changed while it was walked: look again.
            }
        }
        return Files.notExists(folder);
    }
}
