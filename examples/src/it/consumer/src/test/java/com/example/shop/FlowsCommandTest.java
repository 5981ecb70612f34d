package com.example.shop;

import dev.flows.monitor.cli.Flows;
import org.testng.annotations.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;

/** `flows run --config flows.yaml --demo-store`, exactly as the shop's workflow runs it, pinging a heartbeat. */
public class FlowsCommandTest {

    @Test
    public void validatePrintsThePlan() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Flows(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .execute("validate", "--config", "flows.yaml", "--demo-store");
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertEquals(code, 0, printed);
        assertEquals(printed.lines().toList().get(1), "Profile:     bean-and-burr (shop-profile.yaml)", printed);
        assertEquals(printed.lines().toList().get(2), "Journeys:    2 from com.example.shop.ShopJourneys", printed);
    }

    @Test(dependsOnMethods = "validatePrintsThePlan")
    public void theCommandRunsTheShopsJourneysAndPingsTheHeartbeat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PingReceiver heartbeat = new PingReceiver()) {
            int code = new Flows(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                    Map.of("HEARTBEAT_URL", heartbeat.url())).execute("run", "--config", "flows.yaml", "--demo-store");
            String printed = out.toString(StandardCharsets.UTF_8);
            System.out.print(printed);
            assertEquals(code, 0, printed);
            assertEquals(heartbeat.heard(), List.of("start", "finish PASSED"), printed);
            heartbeat.save(Path.of("target", "heartbeat-command.txt"));
        }
    }

    @Test
    public void noSeleniumOnTheClasspath() {
        try {
            Class.forName("org.openqa.selenium.WebDriver");
            throw new AssertionError("Selenium is on the classpath, though the project depends on flows-playwright only");
        } catch (ClassNotFoundException expected) {
            // flows-playwright alone brings no Selenium.
        }
    }
}
