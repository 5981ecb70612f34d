package dev.flows.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Selenium Grid or Playwright server on loopback for one test class: started before the class's own
 * {@code @BeforeAll}, stopped after its {@code @AfterAll}. By then the class has closed its browser, so any browser
 * still running on the server is a remote session Flows failed to end, and fails the class.
 */
final class RemoteServer implements BeforeAllCallback, AfterAllCallback {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final String name;
    private final Function<Integer, ServerProcess> start;
    private final String endpointPattern;
    private ServerProcess server;
    private URI endpoint;

    private RemoteServer(String name, String endpointPattern, Function<Integer, ServerProcess> start) {
        this.name = name;
        this.endpointPattern = endpointPattern;
        this.start = start;
    }

    /**
     * Selenium Grid standalone, from the folder the flows-selenium-grid module fills, with one node for the
     * system Chromium and ChromeDriver and no Selenium Manager.
     */
    static RemoteServer seleniumGrid() {
        return new RemoteServer("Selenium Grid", "http://127.0.0.1:%d/", port -> {
            Path jars = Path.of(System.getProperty("flows.test.seleniumGrid", "../selenium-grid/target/selenium-grid"));
            if (!Files.isDirectory(jars)) {
                throw new IllegalStateException("no Selenium Grid jars in " + jars.toAbsolutePath()
                        + ": build with ./mvnw -pl flows-core -am test, which copies them there");
            }
            List<String> command = List.of(JAVA, "-cp", jars.toAbsolutePath() + "/*", "org.openqa.selenium.grid.Main",
                    "standalone", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--selenium-manager", "false", "--detect-drivers", "false",
                    "--driver-configuration", "display-name=chromium", "max-sessions=2",
                    "webdriver-executable=/usr/bin/chromedriver",
                    "stereotype={\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":\"/usr/bin/chromium\"}}");
            URI status = URI.create("http://127.0.0.1:" + port + "/status");
            return ServerProcess.start("Selenium Grid", command, Map.of("SE_OFFLINE", "true"), () -> gridReady(status));
        });
    }

    /**
     * Playwright's own server from the Playwright for Java jar on the test classpath (so it speaks the client's
     * protocol version). {@code --unsafe} lets clients choose the executable and switches, which Flows needs to
     * use the system Chromium.
     */
    static RemoteServer playwrightServer() {
        return new RemoteServer("Playwright server", "ws://127.0.0.1:%d/", port -> {
            List<String> command = List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                    "com.microsoft.playwright.CLI", "run-server", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--unsafe");
            return ServerProcess.start("Playwright server", command, Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                    () -> listening(port));
        });
    }

    /** The endpoint to give {@link BrowserConfig.Builder#remote}. */
    URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("the " + name + " is not running");
        }
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        int port = ServerProcess.freePort();
        server = start.apply(port);
        endpoint = URI.create(String.format(endpointPattern, port));
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (server == null) {
            return;
        }
        try (ServerProcess stopping = server) {
            // Ending a remote session is asynchronous on the server's side: give it a few seconds.
            List<String> browsers = stopping.running("chrom");
            for (int i = 0; i < 100 && !browsers.isEmpty(); i++) {
                Thread.sleep(100);
                browsers = stopping.running("chrom");
            }
            if (!browsers.isEmpty()) {
                throw new AssertionError("browsers still running on the " + name + " after Browser.close(): " + browsers);
            }
        } finally {
            server = null;
            endpoint = null;
        }
    }

    private static boolean gridReady(URI status) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").contains("\"ready\":true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
