package dev.flows.demostore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page faults in a real browser: what the HTML tests cannot show is that the late element really arrives.
 * Skipped where no Chromium is installed.
 */
class BrowserSmokeTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void lateElementArrivesInTheDomAndHiddenStaysAway() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        try (DemoStore store = DemoStore.builder().name("live").start()) {
            store.faults().lateElement("/product/*", "add-to-cart", Duration.ofMillis(1500))
                    .hideElement("/product/*", "stock-status");
            String dom = domAfterScripts(store.baseUrl() + "product/barista-pro");
            assertEquals(1, Markup.count(dom, "add-to-cart"), dom);
            assertFalse(dom.contains("<template data-flows-late"), "the placeholder is gone");
            assertFalse(Markup.has(dom, "stock-status"));
            assertTrue(Markup.has(dom, "quantity"));
        }
    }

    /** The DOM after load and 5 s of virtual time, so timers have fired. */
    private static String domAfterScripts(String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("flows-demo-chromium");
        try {
            Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = chromium.getInputStream().readAllBytes();
            if (!chromium.waitFor(30, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
                throw new AssertionError("Chromium did not finish within 30 s for " + url);
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
