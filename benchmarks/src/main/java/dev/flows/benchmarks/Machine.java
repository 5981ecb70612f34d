package dev.flows.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the figures were measured on: cores, memory, CPU model and how busy the machine was. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", Math.round(memoryKb("MemTotal") / 1024.0 / 1024.0 * 10) / 10.0);
        m.put("cpu", cpuModel());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.version"));
        m.put("loadAverage", loadAverage());
        return m;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or the JVM's 1-minute figure elsewhere. */
    public static List<Double> loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (IOException | RuntimeException e) {
            return List.of(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static long memoryKb(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith(key + ":")).map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().maxMemory() / 1024;
        }
    }
}
