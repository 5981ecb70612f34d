package dev.flows.engine.spi;

import dev.flows.browser.ConsoleError;
import dev.flows.browser.FailedRequest;
import dev.flows.browser.Locator;
import dev.flows.browser.Navigation;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One isolated browser context with one page, as an engine sees it: immediate operations only. A method that
 * cannot act yet (element covered, detached, not yet interactable) throws {@link NotActionableException} and the
 * browser port tries again.
 */
public interface EngineSession extends AutoCloseable {

    /**
     * Opens {@code url} and waits for its load event.
     *
     * @throws dev.flows.browser.SiteUnreachableException when the site did not answer at all
     */
    Navigation navigate(URI url, Duration timeout);

    String url();

    String title();

    /** How many elements match, and the state of the {@code index}th one (if there is one), in one round trip. */
    ElementMatch match(Locator locator, int index);

    /** Visible texts of every match, in document order. */
    List<String> texts(Locator locator);

    void click(Locator locator, int index);

    /** Replaces the field's value with {@code text}, as typing would, firing input and change events. */
    void fill(Locator locator, int index, String text);

    /** Selects the option whose value is {@code option}, or else whose visible label is {@code option}. */
    void select(Locator locator, int index, String option);

    /** A PNG of the visible part of the page. */
    byte[] screenshot();

    /** The current DOM serialised as HTML. */
    String pageSource();

    /** Every error the page reported since the session opened. */
    List<ConsoleError> consoleErrors();

    /** Every request that failed (status 400 or more, or no response) since the session opened. */
    List<FailedRequest> failedRequests();

    /**
     * Every main-frame document response since the session opened, oldest first, with its HTTP status: the opened
     * pages and those a click navigated to. An engine that cannot tell returns an empty list (the default).
     */
    default List<Navigation> navigations() {
        return List.of();
    }

    /**
     * Every JavaScript dialog the page opened since the session opened, oldest first. Engines accept dialogs (a
     * shopper clicks OK) and record them here; an engine that cannot tell returns an empty list (the default).
     */
    default List<dev.flows.browser.Dialog> dialogs() {
        return List.of();
    }

    /**
     * The dialogs the engine has already heard of, without asking the page: what the call log shows after every
     * action. An engine that hears dialogs as events has them all here (the default); one that must ask the page
     * picks them up with the commands it sends anyway, and {@link #dialogs()} asks.
     */
    default List<dev.flows.browser.Dialog> dialogsHeard() {
        return dialogs();
    }

    /**
     * Starts taking the page for a recorded trace, right after an action, over a channel of its own, so that the next
     * action need not wait for the picture; or null when the engine has no such channel (the default), and the trace
     * then asks {@link #url()} and {@link #screenshot()} at once.
     */
    default java.util.concurrent.CompletableFuture<TraceShot> traceShotLater() {
        return null;
    }

    /**
     * Every request a {@link dev.flows.browser.RequestRule} of the session's {@link SessionSettings#network()} caught
     * since the session opened, oldest first. An engine that applies no rules has none.
     */
    default List<dev.flows.browser.InterceptedRequest> interceptedRequests() {
        return List.of();
    }

    /** Whether the engine records a trace of its own ({@link #startTrace()}); otherwise the port records one. */
    boolean tracesNatively();

    void startTrace();

    /** Stops tracing and writes the trace to {@code file} (a zip). */
    void stopTrace(Path file);

    /** Stops tracing without writing anything. */
    void discardTrace();

    /** Closes the context and the page. Idempotent. */
    @Override
    void close();
}
