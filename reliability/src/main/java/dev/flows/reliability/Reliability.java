package dev.flows.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flows.benchmarks.Machine;
import dev.flows.browser.BrowserConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long parts of the reliability suite, run on demand (the fast parts are tests in the test command). Each part
 * prints its table and a line per goal ("goal held" or "GOAL MISSED ..."), and everything goes to one JSON file.
 *
 * <pre>{@code
 * ./mvnw -q -B -ntp -pl reliability -am verify -Preliability -Drel.parts=heartbeat
 * ./mvnw -q -B -ntp -pl reliability -am verify -Preliability -Drel.parts=soak -Drel.soakRounds=50
 * ./mvnw -q -B -ntp -pl reliability -am verify -Preliability -Drel.parts=resources -Drel.journeys=300
 * }</pre>
 *
 * Properties: {@code rel.parts} (heartbeat,soak,resources), {@code rel.engines} (playwright,selenium),
 * {@code rel.soakRounds} (50: every example journey on live and fallback, so 100 runs per journey and engine),
 * {@code rel.journeys} (300 per engine), {@code rel.out} (target/reliability.json). The exit code is 1 when a goal
 * was missed.
 */
public final class Reliability {

    private Reliability() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = list("rel.parts", "heartbeat,soak,resources");
        List<BrowserConfig.EngineType> engines = list("rel.engines", "playwright,selenium").stream()
                .map(BrowserConfig.EngineType::of).toList();
        int soakRounds = Integer.getInteger("rel.soakRounds", 50);
        int journeys = Integer.getInteger("rel.journeys", 300);
        Path out = Path.of(System.getProperty("rel.out", "target/reliability.json")).toAbsolutePath();
        Path work = out.getParent().resolve("reliability-work");
        Files.createDirectories(work);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machineAtStart", Machine.describe());
        System.out.println("Flows reliability suite on " + Machine.describe());
        Goals goals = new Goals();
        for (String part : parts) {
            switch (part) {
                case "heartbeat" -> report.put("heartbeat", new HeartbeatUnderFaults(work.resolve("heartbeat"), goals).run());
                case "soak" -> report.put("soak", new FlakeSoak(work.resolve("soak"), engines, soakRounds, goals).run());
                case "resources" -> report.put("resources", new Resources(work.resolve("resources"), engines, journeys, goals).run());
                default -> throw new IllegalArgumentException("rel.parts: unknown part '" + part
                        + "'; known: heartbeat, soak, resources");
            }
        }
        report.put("machineAtEnd", Machine.describe());
        report.put("goals", goals.asMap());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println();
        System.out.println(goals.summary());
        System.out.println("Written: " + out);
        System.exit(goals.allHeld() ? 0 : 1);
    }

    private static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
