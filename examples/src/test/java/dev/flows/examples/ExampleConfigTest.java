package dev.flows.examples;

import dev.flows.monitor.cli.Flows;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code flows validate} on the example flows.yaml, as the README and the workflows run it. */
class ExampleConfigTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int flows(String... args) {
        return new Flows(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).execute(args);
    }

    @Test
    void theExampleConfigIsValidAndNamesTheExampleJourneys() {
        assertEquals(0, flows("validate", "--config", "flows.yaml", "--demo-store"), out + "\n" + err);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("Config:      flows.yaml", lines.get(0));
        assertEquals("Profile:     demo-store (built in; set profile: for your shop)", lines.get(1));
        assertEquals("Journeys:    5 from dev.flows.examples.ShopJourneys", lines.get(2));
        assertEquals("  guest checkout                       checkout, 7 steps", lines.get(3));
        assertTrue(lines.contains("Plan:        5 journeys x 2 sites x 1 engine = 10 journey runs each time the journeys are due"),
                lines.toString());
        assertTrue(lines.contains("Heartbeats:  none"), lines.toString());
        assertEquals("Valid: nothing was run.", lines.get(lines.size() - 1));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutConfigTheDemoStoreRunsTheRegisteredExampleJourneysOnBothEngines() {
        assertEquals(0, flows("validate"), out + "\n" + err);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Journeys:    5 from dev.flows.examples.ShopJourneys\n"), printed);
        assertTrue(printed.contains("Plan:        5 journeys x 2 sites x 2 engines = 20 journey runs"), printed);
    }

    @Test
    void theExampleConfigNeedsTheDemoStoreAndSaysSo() {
        assertEquals(2, flows("validate", "--config", "flows.yaml"));
        List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("flows: flows.yaml:"), errors.get(0));
        assertTrue(errors.get(0).endsWith("sites[0].url: environment variable DEMO_LIVE_URL is not set "
                + "(add --demo-store to start the embedded demo store)"), errors.get(0));
    }
}
