package dev.flows.engine.port;

import dev.flows.browser.*;

import static dev.flows.browser.Messages.firstLine;

import dev.flows.engine.spi.ElementMatch;
import dev.flows.engine.spi.EngineSession;
import dev.flows.engine.spi.NotActionableException;
import dev.flows.engine.spi.TraceShot;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@link Page} on top of an engine session: the one place where waiting, retrying and the call log live. */
final class EnginePage implements Page {

    private static final int RECENT_ACTIONS = 5;

    private final EngineSession session;
    private final URI baseUrl;
    private final Timeouts timeouts;
    private final Supplier<String> engine;
    private final Consumer<EnginePage> onClose;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private volatile RecordedTrace recordedTrace;
    private volatile boolean nativeTrace;
    private volatile boolean closed;
    private volatile int dialogsLogged;

    EnginePage(EngineSession session, URI baseUrl, Timeouts timeouts, Supplier<String> engine, Consumer<EnginePage> onClose) {
        this.session = session;
        this.baseUrl = baseUrl;
        this.timeouts = timeouts;
        this.engine = engine;
        this.onClose = onClose;
    }

    @Override
    public Navigation open(String urlOrPath) {
        URI target = resolve(urlOrPath);
        return perform("open " + target, () -> session.navigate(target, timeouts.navigation()));
    }

    URI resolve(String urlOrPath) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            throw new IllegalArgumentException("URL to open must not be blank");
        }
        URI uri;
        try {
            uri = new URI(urlOrPath.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL or path: " + urlOrPath);
        }
        if (uri.isAbsolute()) {
            String scheme = uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file") && !scheme.equals("about")) {
                throw new IllegalArgumentException("cannot open a " + scheme + ": URL: " + urlOrPath);
            }
            return uri;
        }
        if (baseUrl == null) {
            throw new IllegalArgumentException("relative path '" + urlOrPath + "' needs a baseUrl in PageOptions");
        }
        // Paths are relative to the base URL even with a leading slash, so a shop under /de/ keeps its prefix.
        String path = urlOrPath.strip();
        return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public String url() {
        return session.url();
    }

    @Override
    public String title() {
        return session.title();
    }

    @Override
    public Element find(Locator locator) {
        return new EngineElement(this, java.util.Objects.requireNonNull(locator, "locator"));
    }

    @Override
    public Elements findAll(Locator locator) {
        return new EngineElements(this, java.util.Objects.requireNonNull(locator, "locator"));
    }

    @Override
    public Page shouldHaveUrl(String part) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException("URL part must not be empty");
        }
        perform("check the page URL contains '" + part + "'", () -> await("the page URL", "contain '" + part + "'",
                timeouts.waitFor(), () -> {
                    String url = session.url();
                    return url.contains(part) ? Poll.done(url) : Poll.notYet("URL " + url);
                }));
        return this;
    }

    @Override
    public byte[] screenshot() {
        return session.screenshot();
    }

    @Override
    public String pageSource() {
        return session.pageSource();
    }

    @Override
    public List<ConsoleError> consoleErrors() {
        return session.consoleErrors();
    }

    @Override
    public List<FailedRequest> failedRequests() {
        return session.failedRequests();
    }

    @Override
    public List<Navigation> navigations() {
        return session.navigations();
    }

    @Override
    public List<Dialog> dialogs() {
        return session.dialogs();
    }

    @Override
    public List<InterceptedRequest> interceptedRequests() {
        return session.interceptedRequests();
    }

    @Override
    public List<Action> actions() {
        return List.copyOf(actions);
    }

    @Override
    public void startTrace() {
        if (session.tracesNatively()) {
            session.startTrace();
            nativeTrace = true;
        } else {
            recordedTrace = new RecordedTrace();
        }
    }

    @Override
    public Path stopTrace(Path file) {
        java.util.Objects.requireNonNull(file, "trace file");
        if (nativeTrace) {
            nativeTrace = false;
            session.stopTrace(file);
        } else if (recordedTrace != null) {
            RecordedTrace trace = recordedTrace;
            recordedTrace = null;
            trace.write(file, engine.get());
        } else {
            throw new IllegalStateException("no trace was started on this page");
        }
        return file;
    }

    @Override
    public void discardTrace() {
        if (nativeTrace) {
            nativeTrace = false;
            session.discardTrace();
        } else if (recordedTrace != null) {
            recordedTrace = null;
        } else {
            throw new IllegalStateException("no trace was started on this page");
        }
    }

    @Override
    public String engine() {
        return engine.get();
    }

    @Override
    public Timeouts timeouts() {
        return timeouts;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } finally {
            onClose.accept(this);
        }
    }

    /** Runs an action, timing it into the call log (and the recorded trace, where the engine has no trace). */
    <T> T perform(String what, Supplier<T> action) {
        long start = System.nanoTime();
        String failure = null;
        try {
            return action.get();
        } catch (RuntimeException e) {
            failure = firstLine(e.getMessage());
            throw e;
        } finally {
            Action done = new Action(what, Duration.ofNanos(System.nanoTime() - start), failure);
            actions.add(done);
            RecordedTrace trace = recordedTrace;
            if (trace != null) {
                trace.add(done, traceShot());
            }
            recordDialogs(false);
        }
    }

    /**
     * Dialogs go into the call log right after the action that opened them, so a failure message shows them in place.
     * After each action only those the engine has heard of count ({@link EngineSession#dialogsHeard}: no page
     * round-trip); a wait that is about to fail asks the page ({@code ask}), so that its message shows them all.
     */
    private void recordDialogs(boolean ask) {
        List<Dialog> all;
        try {
            all = ask ? session.dialogs() : session.dialogsHeard();
        } catch (RuntimeException e) {
            return;
        }
        for (int i = dialogsLogged; i < all.size(); i++) {
            actions.add(new Action("dialog " + all.get(i) + " (accepted)", Duration.ZERO, null));
        }
        dialogsLogged = Math.max(dialogsLogged, all.size());
    }

    /**
     * Looks at {@code locator} until {@code look} says done, or fails with what it last found after {@code timeout}.
     * A locator matching several elements fails at once when {@code strict}.
     */
    <T> T awaitElement(Locator locator, String action, String expected, Duration timeout, boolean strict,
                       Function<ElementMatch, Poll<T>> look) {
        return await(locator.toString(), expected, timeout, () -> {
            ElementMatch match;
            try {
                match = session.match(locator, 0);
            } catch (NotActionableException e) {
                return Poll.notYet("the page was changing", e);
            }
            if (strict && match.count() > 1) {
                throw new AmbiguousLocatorException(locator, match.count(), action, safeUrl(), engine.get());
            }
            return look.apply(match);
        });
    }

    <T> T await(String subject, String expected, Duration timeout, Supplier<Poll<T>> look) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String found = "nothing yet";
        Throwable lastError = null;
        for (int attempt = 0; ; attempt++) {
            Poll<T> poll = look.get();
            if (poll.done()) {
                return poll.value();
            }
            found = poll.found();
            lastError = poll.error() == null ? lastError : poll.error();
            long now = System.nanoTime();
            if (now >= deadline) {
                recordDialogs(true);
                throw new WaitTimeoutException(subject, expected, found, timeout, safeUrl(), engine.get(),
                        recentActions(), lastError);
            }
            long pause = Math.min(Poll.pause(attempt).toNanos(), deadline - now);
            if (pause > 0) {
                try {
                    Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrowserException("interrupted while waiting for " + subject + " to " + expected);
                }
            }
        }
    }

    EngineSession session() {
        return session;
    }

    String safeUrl() {
        try {
            return session.url();
        } catch (RuntimeException e) {
            return "(unknown: " + firstLine(e.getMessage()) + ")";
        }
    }

    /** The page for the recorded trace: from the engine's own channel if it has one, else asked at once. */
    private CompletableFuture<TraceShot> traceShot() {
        CompletableFuture<TraceShot> later = null;
        try {
            later = session.traceShotLater();
        } catch (RuntimeException e) {
            // No channel after all: ask at once.
        }
        return later != null ? later
                : CompletableFuture.completedFuture(new TraceShot(safeUrl(), screenshotOrNull()));
    }

    private byte[] screenshotOrNull() {
        try {
            return session.screenshot();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String recentActions() {
        List<Action> all = actions;
        if (all.isEmpty()) {
            return "";
        }
        return all.subList(Math.max(0, all.size() - RECENT_ACTIONS), all.size()).stream()
                .map(Action::toString).collect(Collectors.joining("\n"));
    }

}
