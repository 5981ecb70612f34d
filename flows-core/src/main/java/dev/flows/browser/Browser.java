package dev.flows.browser;

/**
 * A running browser, driven by Playwright or Selenium; the one entry point of the browser port.
 *
 * <pre>{@code
 * try (Browser browser = Browser.launch(BrowserConfig.playwright().build());
 *      Page page = browser.newPage(PageOptions.builder().baseUrl(URI.create("http://127.0.0.1:8080/")).build())) {
 *     page.open("/product/barista-pro");
 *     page.find(Locator.testId("add-to-cart")).click();
 *     page.find(Locator.testId("cart-count")).should(Condition.exactText("1"));
 * }
 * }</pre>
 *
 * <p>Thread-safe: pages of one browser may be used from different threads, one thread per page.
 */
public interface Browser extends AutoCloseable {

    /** Starts the browser {@code config} describes; fails fast with {@link BrowserLaunchException} when it cannot. */
    static Browser launch(BrowserConfig config) {
        java.util.Objects.requireNonNull(config, "config");
        for (BrowserLauncher launcher : java.util.ServiceLoader.load(BrowserLauncher.class, Browser.class.getClassLoader())) {
            return launcher.launch(config);
        }
        throw new BrowserLaunchException("flows-core is incomplete: META-INF/services/" + BrowserLauncher.class.getName()
                + " is missing from the classpath");
    }

    /** "playwright" or "selenium". */
    String engine();

    /** The engine and browser in words: "playwright, chromium 156.0.8078.73 (/usr/bin/chromium ...)". */
    String describe();

    BrowserConfig config();

    /** A page in a fresh, isolated context (no cookies, storage or cache from any other page). */
    Page newPage(PageOptions options);

    /** {@link #newPage(PageOptions)} with {@link PageOptions#DEFAULT}. */
    default Page newPage() {
        return newPage(PageOptions.DEFAULT);
    }

    /** Closes every page and stops the browser and its processes. Idempotent. */
    @Override
    void close();
}
