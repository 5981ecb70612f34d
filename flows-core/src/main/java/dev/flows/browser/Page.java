package dev.flows.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One browser tab in its own fresh context: the surface a journey step talks to, on any engine.
 *
 * <pre>{@code
 * page.open("/category/grinders");
 * page.find(Locator.testId("sort")).select("price-asc");
 * page.findAll(Locator.testId("product-card")).shouldHaveSize(6);
 * }</pre>
 *
 * <p>Element actions and checks wait until the element is ready, up to {@link Timeouts#waitFor()}: a page never
 * needs a sleep.
 */
public interface Page extends AutoCloseable {

    /**
     * Opens an absolute URL, or a path resolved against {@link PageOptions#baseUrl()}, and waits for its load event.
     *
     * @throws SiteUnreachableException at once when the site does not answer
     */
    Navigation open(String urlOrPath);

    String url();

    String title();

    /** The one element {@code locator} matches; nothing is looked up until it is used. */
    Element find(Locator locator);

    /** {@link #find(Locator)} for a CSS selector. */
    default Element find(String css) {
        return find(Locator.css(css));
    }

    /** Every element {@code locator} matches. */
    Elements findAll(Locator locator);

    /** Waits until the page's URL contains {@code part}. */
    Page shouldHaveUrl(String part);

    /** A PNG of what the viewport shows now. */
    byte[] screenshot();

    /** The current DOM as HTML. */
    String pageSource();

    /** Every error the page reported since it opened: uncaught exceptions and {@code console.error} messages. */
    List<ConsoleError> consoleErrors();

    /** Every request that failed (status 400 or more, or no response) since the page opened. */
    List<FailedRequest> failedRequests();

    /** Every document this page loaded (opened or navigated to by a click), with its HTTP status; oldest first. */
    default List<Navigation> navigations() {
        return List.of();
    }

    /** Every JavaScript dialog the page opened, accepted as a shopper would; oldest first. Also in {@link #actions()}. */
    default List<Dialog> dialogs() {
        return List.of();
    }

    /**
     * Every request the page's {@link NetworkPolicy} rules caught since it opened: orders blocked on a production
     * site, requests to blocked hosts, orders sent where allowed.
     */
    default List<InterceptedRequest> interceptedRequests() {
        return List.of();
    }

    /** What this page was asked to do so far, oldest first: the call log of failure messages and traces. */
    List<Action> actions();

    /**
     * Starts recording a trace: Playwright's own trace on Playwright; on Selenium, a step log with a screenshot
     * after every action.
     */
    void startTrace();

    /** Stops recording and writes the trace zip to {@code file}; returns {@code file}. */
    Path stopTrace(Path file);

    /** Stops recording and throws the trace away without writing it (cheaper than {@link #stopTrace(Path)}). */
    void discardTrace();

    /** "playwright, chromium 156.0.8078.73 (...)": which engine and browser run this page. */
    String engine();

    Timeouts timeouts();

    /** Closes the page and its context. Idempotent. */
    @Override
    void close();

    /**
     * One thing a page was asked to do.
     *
     * @param what    "click testId 'add-to-cart'", "open http://127.0.0.1:8080/"
     * @param took    how long it took, waiting included
     * @param failure why it failed (first line), or null when it succeeded
     */
    record Action(String what, Duration took, String failure) {
        @Override
        public String toString() {
            return what + " (" + Durations.say(took) + ")" + (failure == null ? "" : " FAILED: " + failure);
        }
    }
}
