package dev.flows.engine.spi;

/**
 * A browser engine behind the browser port: Playwright or Selenium. One engine holds one running browser (or the
 * connection to a remote one) and opens an isolated session for each journey.
 *
 * <p>Engine methods never wait for elements: every wait and retry lives once in {@code dev.flows.browser}, so
 * both engines behave the same. Implementations must be safe to call from several threads at once.
 */
public interface Engine extends AutoCloseable {

    /** "playwright" or "selenium". */
    String name();

    /** The browser in use, e.g. "chromium 156.0.8078.73 (/usr/bin/chromium)". */
    String browser();

    /** A fresh, isolated browser context (cookies, storage, cache) with one page. */
    EngineSession openSession(SessionSettings settings);

    /** Stops the browser and every process and temporary folder the engine created. Idempotent. */
    @Override
    void close();
}
