package dev.flows.engine.playwright;

import static dev.flows.browser.Messages.firstLine;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.WaitUntilState;
import dev.flows.browser.BrowserException;
import dev.flows.browser.ConsoleError;
import dev.flows.browser.Durations;
import dev.flows.browser.FailedRequest;
import dev.flows.browser.InterceptedRequest;
import dev.flows.browser.NetworkPolicy;
import dev.flows.browser.RequestRule;
import dev.flows.browser.Locator;
import dev.flows.browser.Navigation;
import dev.flows.browser.SiteUnreachableException;
import dev.flows.engine.spi.ElementMatch;
import dev.flows.engine.spi.EngineSession;
import dev.flows.engine.spi.NotActionableException;
import dev.flows.engine.spi.PageScripts;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One Playwright browser context with one page. */
final class PlaywrightSession implements EngineSession {

    private static final Pattern NET_ERROR = Pattern.compile("net::ERR_[A-Z_]+");
    // One attempt of a Playwright action; the port retries until its own timeout. The port has checked that the
    // element is ready before it acts, so an attempt rarely waits at all; but the driver measures this on its own
    // clock, and on a busy machine (load 40 on 2 cores) a ready fill took longer than 500 ms.
    private static final double ATTEMPT_MS = 2000;
    private static final Duration HEAR_FRESH = Duration.ofMillis(20);
    private static final String MATCH = "([chain, index]) => { const found = (" + PageScripts.FIND + ")(chain);"
            + " return Array.isArray(found) ? (" + PageScripts.ELEMENT_STATE + ")(found, index) : found; }";
    // The option the select at the index offers (PageScripts.OPTION), in the same evaluation as the search.
    private static final String OPTION_OF = "([chain, [index, option]]) => { const found = (" + PageScripts.FIND + ")(chain);"
            + " if (!Array.isArray(found)) return found; const el = found[index];"
            + " return el ? (" + PageScripts.OPTION + ")(el, option) : null; }";
    private static final String TEXTS = "([chain]) => { const found = (" + PageScripts.FIND + ")(chain);"
            + " return Array.isArray(found) ? (" + PageScripts.TEXTS + ")(found) : found; }";

    private final PlaywrightEngine engine;
    private final Lane lane;
    private final ReentrantLock lock;
    private final Duration navigation;
    private final BrowserContext context;
    private final Page page;
    private final List<ConsoleError> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<FailedRequest> failedRequests = new CopyOnWriteArrayList<>();
    private final List<Navigation> navigations = new CopyOnWriteArrayList<>();
    private final List<dev.flows.browser.Dialog> dialogs = new CopyOnWriteArrayList<>();
    private final List<InterceptedRequest> intercepted = new CopyOnWriteArrayList<>();
    private boolean tracing;
    private boolean closed;
    private long lastHeard = System.nanoTime() - HEAR_FRESH.toNanos() - 1;  // under the lane's lock

    PlaywrightSession(PlaywrightEngine engine, Lane lane, BrowserContext context, Duration navigation, NetworkPolicy network) {
        this.engine = engine;
        this.lane = lane;
        this.navigation = navigation;
        this.lock = lane.lock();
        this.context = context;
        // On the context, before the page exists: no request of any frame, popup or worker gets past it. Only URLs
        // shaped like a blocking rule pause (a route handler runs in this JVM, and only while it is inside a
        // Playwright call, so routing every request would hold each one up); watched requests are heard as events.
        for (RequestRule rule : network.rules()) {
            if (rule.block()) {
                locked(() -> {
                    context.route(routeShape(rule), route -> {
                        com.microsoft.playwright.Request request = route.request();
                        RequestRule matched = network.ruleFor(request.method(), request.url());
                        if (matched != null) {
                            intercepted.add(new InterceptedRequest(request.method(), request.url(), matched, matched.block()));
                        }
                        if (matched != null && matched.block()) {
                            route.abort("blockedbyclient");
                        } else {
                            route.resume();
                        }
                    });
                    return null;
                });
            }
        }
        if (network.rules().stream().anyMatch(rule -> !rule.block())) {
            context.onRequest(request -> {
                RequestRule matched = network.ruleFor(request.method(), request.url());
                if (matched != null && !matched.block()) {
                    intercepted.add(new InterceptedRequest(request.method(), request.url(), matched, false));
                }
            });
        }
        this.page = locked(context::newPage);
        // Listeners run on whichever thread is inside a Playwright call, always under the lane's lock.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(new ConsoleError(ConsoleError.Kind.CONSOLE, message.text(), page.url(), Instant.now()));
            }
        });
        page.onPageError(error -> consoleErrors.add(
                new ConsoleError(ConsoleError.Kind.UNCAUGHT, firstLine(error), page.url(), Instant.now())));
        page.onDialog(dialog -> {
            // Accept, as a shopper clicks OK; without a handler Playwright would dismiss it and nobody would know.
            dialogs.add(new dev.flows.browser.Dialog(dialog.type(), dialog.message(), page.url()));
            try {
                dialog.accept();
            } catch (PlaywrightException alreadyClosed) {
                // The page went away with its dialog: nothing left to answer.
            }
        });
        page.onResponse(response -> {
            if (response.request().isNavigationRequest() && response.frame() == page.mainFrame()) {
                navigations.add(new Navigation(response.url(), response.status(), Duration.ZERO));
            }
            if (response.status() >= 400) {
                failedRequests.add(new FailedRequest(response.request().method(), response.url(), response.status(),
                        response.statusText()));
            }
        });
        page.onRequestFailed(request -> failedRequests.add(
                new FailedRequest(request.method(), request.url(), 0, String.valueOf(request.failure()))));
    }

    @Override
    public Navigation navigate(URI url, Duration timeout) {
        return locked(() -> {
            long start = System.nanoTime();
            try {
                Response response = page.navigate(url.toString(), new Page.NavigateOptions()
                        .setTimeout(timeout.toMillis()).setWaitUntil(WaitUntilState.LOAD));
                return new Navigation(page.url(), response == null ? 0 : response.status(),
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (TimeoutError e) {
                throw new BrowserException("Opening " + url + " timed out after " + Durations.say(timeout)
                        + " (no load event) [playwright]", e);
            } catch (PlaywrightException e) {
                Matcher m = NET_ERROR.matcher(String.valueOf(e.getMessage()));
                if (m.find()) {
                    throw new SiteUnreachableException(url.toString(), m.group(), "playwright");
                }
                throw new BrowserException("Opening " + url + " failed: " + PlaywrightEngine.firstLine(e) + " [playwright]", e);
            }
        });
    }

    /** Where the page is: {@code page.url()} is what Playwright heard last, so hear the news first. */
    @Override
    public String url() {
        return locked(() -> {
            hearEvents();
            return page.url();
        });
    }

    @Override
    public String title() {
        return locked(page::title);
    }

    @Override
    public ElementMatch match(dev.flows.browser.Locator locator, int index) {
        return ElementMatch.fromScript(located(MATCH, locator, index));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> texts(Locator locator) {
        return ((List<Object>) located(TEXTS, locator, null)).stream().map(String::valueOf).collect(Collectors.toList());
    }

    /**
     * Runs {@code script} on the locator's chain and {@code argument} in the page: one evaluation, where Playwright's
     * own locator would query, evaluate and release (three DevTools commands, and its selector engine installed in
     * the page's main world on every document). Actions still go through Playwright's locator, which finds the same
     * elements in the same order (see {@link PageScripts#FIND}).
     */
    private Object located(String script, Locator locator, Object argument) {
        Object result = locked(() -> {
            try {
                return page.evaluate(script, Arrays.asList(PageScripts.chain(locator), argument));
            } catch (PlaywrightException e) {
                throw notYet(e);
            }
        });
        return PageScripts.found(result, locator, "playwright");
    }

    /**
     * Clicks once, never twice, in one call, as Playwright's own click does: Playwright checks that the element
     * takes the click (the port already waited for it to be visible and enabled, so that is at once), clicks, and
     * waits for a navigation the click starts, so the next step never acts on the page being left. When the wait
     * runs out after the click was sent, the click is not repeated: the page it opened did not load.
     */
    @Override
    public void click(Locator locator, int index) {
        locked(() -> {
            try {
                resolve(locator).nth(index).click(new com.microsoft.playwright.Locator.ClickOptions()
                        .setTimeout(navigation.toMillis()));
                return null;
            } catch (TimeoutError e) {
                if (String.valueOf(e.getMessage()).contains("click action done")) {
                    throw new BrowserException("clicked " + locator + ", but the page it opened did not load within "
                            + Durations.say(navigation) + " [playwright]", e);
                }
                throw notYet(e);
            } catch (PlaywrightException e) {
                throw notYet(e);
            }
        });
    }

    @Override
    public void fill(Locator locator, int index, String text) {
        act(() -> resolve(locator).nth(index).fill(text, new com.microsoft.playwright.Locator.FillOptions().setTimeout(ATTEMPT_MS)));
    }

    /** Finds the option like the other engine does, then selects it once, waiting for a navigation it starts. */
    @Override
    public void select(Locator locator, int index, String option) {
        Object found = located(OPTION_OF, locator, Arrays.asList(index, option));
        if (found == null) {
            throw new NotActionableException("the element went away before its options were read", null);
        }
        String value = String.valueOf(found);
        if (value.startsWith("!")) {
            throw new BrowserException("cannot select '" + option + "' in " + locator + ": " + value.substring(1));
        }
        locked(() -> {
            try {
                resolve(locator).nth(index).selectOption(value, new com.microsoft.playwright.Locator.SelectOptionOptions()
                        .setForce(true).setTimeout(navigation.toMillis()));
            } catch (TimeoutError e) {
                throw new BrowserException("selected '" + option + "' in " + locator + ", but the page it opened did "
                        + "not load within " + Durations.say(navigation) + " [playwright]", e);
            } catch (PlaywrightException e) {
                throw notYet(e);
            }
            // Playwright waits for a navigation that a click starts, not for one that a selection starts: a form that
            // the change handler submits asks for its page a task later. One task in the page lets that request go
            // out; an evaluation in a page being left then waits until the new page commits, and fails. Without it,
            // the next look could read the page being left.
            try {
                page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))");
            } catch (PlaywrightException e) {
                // The page this selection opened replaced the one evaluated in: what the task was waiting for.
            }
            return null;
        });
    }

    @Override
    public byte[] screenshot() {
        return locked(() -> page.screenshot());
    }

    @Override
    public String pageSource() {
        return locked(page::content);
    }

    @Override
    public List<ConsoleError> consoleErrors() {
        locked(this::hearRecentEvents);
        return List.copyOf(consoleErrors);
    }

    @Override
    public List<FailedRequest> failedRequests() {
        locked(this::hearRecentEvents);
        return List.copyOf(failedRequests);
    }

    @Override
    public List<Navigation> navigations() {
        return List.copyOf(navigations);
    }

    @Override
    public List<dev.flows.browser.Dialog> dialogs() {
        return List.copyOf(dialogs);
    }

    /**
     * Playwright for Java delivers events only while a call is in flight. A zero wait is answered by the driver
     * itself, without a command to the browser (an evaluate would be one), and brings every event the driver has.
     */
    private Void hearEvents() {
        if (!closed) {
            try {
                page.waitForTimeout(0);
            } catch (PlaywrightException ignored) {
                // A page being closed cannot wait; the events heard so far still count.
            }
            lastHeard = System.nanoTime();
        }
        return null;
    }

    /**
     * {@link #hearEvents()}, unless events were heard within {@link #HEAR_FRESH}: console errors and failed requests
     * are read right after the caught requests after every step, and one round trip brings the news for all three
     * (the Selenium engine drains its logs the same way).
     */
    private Void hearRecentEvents() {
        if (System.nanoTime() - lastHeard > HEAR_FRESH.toNanos()) {
            hearEvents();
        }
        return null;
    }

    /**
     * Always asks: the network rules' catches decide verdicts (an order blocked on a production site, an order sent
     * that forbids a retry), and a blocking rule's route handler runs only while a call is in flight.
     */
    @Override
    public List<InterceptedRequest> interceptedRequests() {
        locked(this::hearEvents);
        return List.copyOf(intercepted);
    }

    @Override
    public boolean tracesNatively() {
        return true;
    }

    @Override
    public void startTrace() {
        locked(() -> {
            context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true).setSources(false));
            tracing = true;
            return null;
        });
    }

    @Override
    public void stopTrace(Path file) {
        locked(() -> {
            if (tracing) {
                tracing = false;
                context.tracing().stop(new Tracing.StopOptions().setPath(file));
            }
            return null;
        });
    }

    @Override
    public void discardTrace() {
        locked(() -> {
            if (tracing) {
                tracing = false;
                context.tracing().stop();
            }
            return null;
        });
    }

    @Override
    public void close() {
        boolean release = locked(() -> {
            if (closed) {
                return false;
            }
            closed = true;
            try {
                context.close();
            } catch (PlaywrightException e) {
                // The browser is already gone (the engine closed first): nothing is left to close.
            }
            return true;
        });
        if (release) {
            engine.released(lane);
        }
    }

    /**
     * The URLs the browser pauses for a rule, as a regular expression that Java and JavaScript read alike (the driver
     * matches it): the site's origin and order path, or the blocked host and its subdomains. The rule itself
     * ({@link RequestRule#matches}, method included) still decides on each paused request.
     */
    static Pattern routeShape(RequestRule rule) {
        Map<String, String> shape = rule.urlShape();
        String host = shape.get("host");
        if (host == null) {
            return Pattern.compile(".*");
        }
        if (!shape.containsKey("scheme")) {
            return Pattern.compile("^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#]*\\.)?" + literal(host) + "(:[0-9]+)?([/?#]|$)",
                    Pattern.CASE_INSENSITIVE);
        }
        String origin = shape.get("scheme") + "://" + host + (shape.containsKey("port") ? ":" + shape.get("port") : "");
        return Pattern.compile("^" + literal(origin) + (shape.containsKey("path") ? literal(shape.get("path")) : "([/?#]|$)"),
                Pattern.CASE_INSENSITIVE);
    }

    /** {@code text} as a regular expression that matches it literally in Java and in JavaScript alike (no quoting). */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private com.microsoft.playwright.Locator resolve(Locator locator) {
        com.microsoft.playwright.Locator current = null;
        for (Locator.Segment segment : locator.segments()) {
            String selector = segment.isCss() ? "css=" + segment.css() : "xpath=" + segment.xpath();
            current = current == null ? page.locator(selector) : current.locator(selector);
            if (segment.index() != null) {
                current = current.nth(segment.index());
            }
        }
        return current;
    }

    private void act(Runnable action) {
        locked(() -> {
            try {
                action.run();
                return null;
            } catch (PlaywrightException e) {
                throw notYet(e);
            }
        });
    }

    private static RuntimeException notYet(PlaywrightException e) {
        if (e instanceof TimeoutError) {
            return new NotActionableException(PlaywrightEngine.firstLine(e), e);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("is not a valid selector") || m.contains("Unexpected token") || m.contains("not a valid XPath")) {
            return new dev.flows.browser.InvalidLocatorException("the browser refused a locator: "
                    + PlaywrightEngine.firstLine(e) + " [playwright]", e);
        }
        if (m.contains("Execution context was destroyed") || m.contains("not attached") || m.contains("detached")
                || m.contains("navigation")) {
            return new NotActionableException(PlaywrightEngine.firstLine(e), e);
        }
        return new BrowserException(PlaywrightEngine.firstLine(e) + " [playwright]", e);
    }

    private <T> T locked(Supplier<T> call) {
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

}
