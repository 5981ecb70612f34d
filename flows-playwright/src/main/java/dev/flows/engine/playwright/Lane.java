package dev.flows.engine.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One Playwright (its own driver process) with its own browser, and the lock that keeps its calls on one thread
 * at a time: Playwright for Java is not thread-safe. Sessions on different lanes never wait for each other, so a
 * page load on one site does not hold up the other site's journey.
 */
final class Lane {

    private final Playwright playwright;
    private final Browser browser;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by the engine's monitor.
    private int sessions;

    Lane(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    Browser browser() {
        return browser;
    }

    ReentrantLock lock() {
        return lock;
    }

    int sessions() {
        return sessions;
    }

    void opened() {
        sessions++;
    }

    void closed() {
        sessions--;
    }

    void close() {
        lock.lock();
        try {
            browser.close();
        } catch (PlaywrightException e) {
            // The connection to a Playwright server is already gone, and with it the browser the server ran.
        } finally {
            try {
                playwright.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
