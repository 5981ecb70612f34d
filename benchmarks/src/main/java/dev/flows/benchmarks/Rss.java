package dev.flows.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the resident memory of this JVM plus every process below it (Playwright's driver, ChromeDriver, every
 * Chromium process) every 100 ms, and keeps the peak.
 */
public final class Rss implements AutoCloseable {

    private final AtomicLong peakKb = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    Rss() {
        sampler = new Thread(() -> {
            while (running) {
                peakKb.accumulateAndGet(treeKb(ProcessHandle.current()), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakMb() {
        return peakKb.get() / 1024;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** The resident memory of {@code root} and every process below it, in KiB. */
    public static long treeKb(ProcessHandle root) {
        long total = kb(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            total += kb(child.pid());
        }
        return total;
    }

    /** The resident memory of one process in KiB, or 0 when it has ended. */
    public static long kb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between listing and reading.
        }
        return 0;
    }
}
