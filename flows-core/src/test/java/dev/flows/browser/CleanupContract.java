package dev.flows.browser;

import dev.flows.demostore.DemoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For each engine module: closing a browser leaves no browser or driver process and no temporary folder behind. Playwright for Java
 * unpacks its driver into {@code /tmp/playwright-java-*} and removes it only when the JVM exits, so that folder
 * is checked from a child JVM.
 */
public abstract class CleanupContract {

    /** The engine under test. */
    protected abstract BrowserConfig.EngineType engine();

    /** The start of the name of a temporary folder that this engine creates while it runs. */
    protected abstract String temporaryFolderPrefix();


    @org.junit.jupiter.api.Test
    void closingLeavesNoProcessesOrTemporaryFolders() throws Exception {
        BrowserConfig.EngineType engine = engine();
        try (DemoStore store = DemoStore.builder().name("live").start()) {
            Set<Long> processesBefore = descendants();

            Browser browser = Browser.launch(BrowserConfig.builder(engine).build());
            Page first = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl()).build());
            first.open("/");
            Page second = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl()).build());
            second.open("/cart");
            // Every process the engine started, seen while they are still this JVM's descendants: a browser whose
            // driver exits without it is handed to init, and would no longer show as one.
            List<ProcessHandle> started = ProcessHandle.current().descendants()
                    .filter(p -> !processesBefore.contains(p.pid())).toList();
            assertTrue(started.stream().anyMatch(p -> p.info().command().orElse("").contains("chrom")),
                    "no browser process among " + describe(started));
            first.close();
            // The second page is left open on purpose: closing the browser must close it too.
            browser.close();

            assertEquals(Set.of(), alive(started), "processes left running by " + engine);
        }
    }

    @org.junit.jupiter.api.Test
    void aJvmThatUsedTheEngineLeavesNothingInTmpWhenItExits(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // A private temporary folder for the child and every browser it starts, so nothing else on the machine
        // writing to /tmp at the same time can blur the picture.
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), UseEngine.class.getName(), engine().name())
                .redirectErrorStream(true);
        builder.environment().put("TMPDIR", tmp.toString());
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes());
        assertEquals(0, child.waitFor(), output);
        assertTrue(output.contains(temporaryFolderPrefix()), output);
        assertEquals(Set.of(), entries(tmp), "temporary folders left after the JVM exited");
    }

    /** Runs in a child JVM: opens a page on the engine named by the first argument, closes everything, exits. */
    static final class UseEngine {
        public static void main(String[] args) throws IOException {
            try (DemoStore store = DemoStore.builder().name("live").start()) {
                for (BrowserConfig.EngineType engine : List.of(BrowserConfig.EngineType.valueOf(args[0]))) {
                    try (Browser browser = Browser.launch(BrowserConfig.builder(engine).build());
                         Page page = browser.newPage(PageOptions.builder().baseUrl(store.baseUrl()).build())) {
                        page.open("/");
                        // Proof that the browsers really use the private folder the test then finds empty.
                        System.out.println("in use: " + entries(Path.of(System.getProperty("java.io.tmpdir"))));
                    }
                }
            }
        }
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    // Processes exit a moment after being told to: give them a few seconds before calling it a leak.
    private static Set<String> alive(List<ProcessHandle> started) throws InterruptedException {
        Set<String> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = describe(started.stream().filter(ProcessHandle::isAlive).toList());
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return left;
    }

    private static Set<String> describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.toSet());
    }

    private static Set<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
