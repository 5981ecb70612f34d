package dev.flows.engine.selenium;

import static dev.flows.browser.Messages.firstLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flows.browser.BrowserException;
import dev.flows.browser.BrowserLaunchException;
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
import dev.flows.engine.spi.SessionSettings;
import dev.flows.engine.spi.TraceShot;
import org.openqa.selenium.InvalidElementStateException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One page in a browser context of its own, driven by ChromeDriver: in a browser the engine keeps between sessions
 * ({@link Chrome}), or in a browser of its own on a Grid. Console errors and failed requests come from ChromeDriver's
 * browser and performance logs, which survive page loads, unlike anything kept in the page.
 */
final class SeleniumSession implements EngineSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NET_ERROR = Pattern.compile("net::ERR_[A-Z_]+");
    // "http://host/path 12:34 Uncaught Error: x" or "console-api 3:9 \"text\"" or "http://host/x - Failed to load..."
    private static final Pattern LOG_PREFIX = Pattern.compile("^(\\S+) (?:\\d+:\\d+|-) ");

    private final SeleniumEngine engine;
    private final WebDriver driver;
    // The local browser and this session's context in it; null on a Grid, where the session owns its browser.
    private final Chrome chrome;
    private final String context;
    private final List<ConsoleError> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<FailedRequest> failedRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> requests = new HashMap<>();
    private final List<Navigation> navigations = new CopyOnWriteArrayList<>();
    private final List<dev.flows.browser.Dialog> dialogs = new CopyOnWriteArrayList<>();
    private final List<InterceptedRequest> intercepted = new CopyOnWriteArrayList<>();
    private org.openqa.selenium.devtools.DevTools devTools;
    private NetworkPolicy policy = NetworkPolicy.NONE;
    // Answers to paused requests: not on the DevTools connection's thread (see intercept).
    private java.util.concurrent.ExecutorService networkAnswers;
    // Takes the recorded trace's pictures over DevTools, one at a time (see traceShotLater).
    private java.util.concurrent.ExecutorService traceShots;
    private static final Duration TRACE_SHOT = Duration.ofSeconds(5);

    // One round-trip per look: the locator resolved, the element described, and dialogs taken, in one script.
    private static final String MATCH = "const found = (" + PageScripts.FIND + ")(arguments[0]);"
            + " if (!Array.isArray(found)) return found;"
            + " const state = (" + PageScripts.ELEMENT_STATE + ")(found, arguments[1]);"
            + " if (found[arguments[1]]) state.element = found[arguments[1]];"
            + " state.dialogs = (" + PageScripts.DIALOGS_TAKE + ")();"
            + " return state;";
    private static final String TEXTS = "const found = (" + PageScripts.FIND + ")(arguments[0]);"
            + " return Array.isArray(found) ? (" + PageScripts.TEXTS + ")(found) : found;";
    private static final String FIND = "return (" + PageScripts.FIND + ")(arguments[0]);";

    /** The element the last look found, kept for the action that follows it. */
    private record Matched(Locator locator, int index, WebElement element) {
    }

    private volatile Matched lastMatch;
    private int lastDocumentStatus;
    private volatile long lastDrain = System.nanoTime();
    // When the page's dialogs were last taken (addDialogs), by a look, a click or dialogs() itself.
    private volatile long dialogsTaken = System.nanoTime() - DRAIN_FRESH.toNanos() - 1;
    private static final Duration DRAIN_EVERY = Duration.ofMillis(300);
    private static final Duration DRAIN_FRESH = Duration.ofMillis(50);
    private String lastDocumentError;
    // Guards closed and inFlight: once a session is closed its browser may serve the next session, so no command of
    // this one may reach it after that (a step thread that outlived its step timeout, say).
    private final Object gate = new Object();
    private boolean closed;
    private int inFlight;
    // How long a close waits for a command still running before it calls the browser stuck.
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(1);

    private SeleniumSession(SeleniumEngine engine, WebDriver driver, Chrome chrome, String context) {
        this.engine = engine;
        this.driver = driver;
        this.chrome = chrome;
        this.context = context;
    }

    static SeleniumSession open(SeleniumEngine engine, SessionSettings settings) {
        SeleniumSession session = engine.remote() != null ? onGrid(engine, settings) : local(engine, settings);
        try {
            session.configure(settings);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private static SeleniumSession onGrid(SeleniumEngine engine, SessionSettings settings) {
        try {
            WebDriver driver = new Augmenter().augment(new RemoteWebDriver(engine.remote(), options(engine, settings)));
            return new SeleniumSession(engine, driver, null, null);
        } catch (WebDriverException e) {
            throw new BrowserLaunchException("selenium: could not start chrome (" + engine.browser() + "): "
                    + firstLine(e), e);
        }
    }

    /** A new context in an idle browser of the engine, or in a browser started for it when none is idle. */
    private static SeleniumSession local(SeleniumEngine engine, SessionSettings settings) {
        while (true) {
            Chrome chrome = engine.idleBrowser();
            boolean started = chrome == null;
            if (started) {
                chrome = engine.startBrowser(options(engine, settings));
            }
            try {
                String context = chrome.openContext();
                return new SeleniumSession(engine, chrome.driver(), chrome, context);
            } catch (RuntimeException e) {
                engine.discard(chrome);
                if (started) {
                    throw new BrowserLaunchException("selenium: chrome started but could not open a page ("
                            + engine.browser() + "): " + firstLine(e), e);
                }
                // An idle browser that died meanwhile: try the next one, or a new one.
            }
        }
    }

    /** The Chrome features Playwright 1.62 switches off (its Edge-only ones left out). */
    private static final List<String> PLAYWRIGHTS_DISABLED_FEATURES = List.of("AvoidUnnecessaryBeforeUnloadCheckSync",
            "BoundaryEventDispatchTracksNodeRemoval", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
            "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding",
            "ThirdPartyStoragePartitioning", "BlockOriginHeaderModificationOnRedirect", "Translate", "AutoDeElevate",
            "OptimizationHints");

    private static ChromeOptions options(SeleniumEngine engine, SessionSettings settings) {
        ChromeOptions options = new ChromeOptions();
        if (engine.browserBinary() != null) {
            options.setBinary(engine.browserBinary().toFile());
        }
        if (engine.config().headless()) {
            options.addArguments("--headless=new");
        }
        // The switches Playwright passes (ChromeDriver adds most of the rest), so both engines see the same browser:
        // no HTTPS upgrade of an http:// staging site, no back-forward cache, no storage partitioning, no field
        // trials. ChromeDriver merges the feature list with its own. --no-sandbox because CI runs as root.
        options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--hide-scrollbars", "--mute-audio", "--disable-field-trial-config",
                "--disable-back-forward-cache", "--disable-breakpad", "--disable-component-extensions-with-background-pages",
                "--disable-renderer-backgrounding", "--disable-ipc-flooding-protection", "--metrics-recording-only",
                "--force-color-profile=srgb", "--disable-search-engine-choice-screen",
                "--disable-features=" + String.join(",", PLAYWRIGHTS_DISABLED_FEATURES),
                "--window-size=" + settings.width() + "," + settings.height());
        options.addArguments(engine.config().browserArgs());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return options;
    }

    private void configure(SessionSettings settings) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        HasCdp cdp = (HasCdp) driver;
        policy = settings.network();
        if (policy.basicAuth() != null || policy.rules().stream().anyMatch(RequestRule::block)) {
            intercept(policy);
        }
        // An exact viewport, as Playwright sets one, rather than a window whose inner size depends on the platform.
        cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", settings.width(), "height", settings.height(), "deviceScaleFactor", 1, "mobile", false));
        cdp.executeCdpCommand("Network.enable", Map.of());
        // ChromeDriver turns a dialog into an error on the next command and forgets its text: answer and record
        // dialogs in the page instead (PageScripts.DIALOG_RECORDER), as Playwright's dialog event does.
        cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PageScripts.DIALOG_RECORDER));
        if (!settings.extraHeaders().isEmpty()) {
            cdp.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", settings.extraHeaders()));
        }
        if (!settings.userAgentSuffix().isEmpty()) {
            java.util.function.Supplier<String> ask = () -> (String) ((JavascriptExecutor) driver).executeScript("return navigator.userAgent");
            String agent = chrome == null ? ask.get() : chrome.userAgent(ask);
            cdp.executeCdpCommand("Network.setUserAgentOverride",
                    Map.of("userAgent", agent + " " + settings.userAgentSuffix()));
        }
    }

    /**
     * Request rules through the Chrome DevTools Protocol's Fetch domain: the browser pauses each request shaped like
     * a blocking rule until we say continue or fail, so a blocked request never leaves the browser, whatever the page
     * does. CDP, not WebDriver BiDi: ChromeDriver answers BiDi commands only between classic ones, so a paused
     * navigation (a click that submits a form and waits for its page) waited for itself until the renderer timed
     * out. CDP answers go straight to the browser. Generic commands, so no version-specific bindings are needed.
     */
    private void intercept(NetworkPolicy policy) {
        List<Map<String, Object>> patterns = new ArrayList<>();
        if (policy.basicAuth() != null) {
            // Every request pauses, so that the challenge of any of them can be answered: the site's own origin
            // gets the credentials, any other host's challenge is cancelled (the password never leaves its site).
            patterns.add(Map.of("urlPattern", "*"));
        } else {
            for (RequestRule rule : policy.rules()) {
                if (rule.block()) {
                    // Watched requests are read from the performance log: only blocking rules pause anything.
                    urlPatterns(rule).forEach(p -> patterns.add(Map.of("urlPattern", p)));
                }
            }
        }
        networkAnswers = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flows-selenium-network");
            t.setDaemon(true);
            return t;
        });
        // This session's page by name: a kept browser has another window, in the default context, that is not ours.
        pageChannel();
        // Events arrive on the connection's thread, which also reads the answers to our commands: answering from
        // that thread would wait for itself, so answers go through networkAnswers.
        devTools.addListener(new org.openqa.selenium.devtools.Event<Map<String, Object>>("Fetch.requestPaused",
                input -> input.read(Map.class)), paused -> networkAnswers.execute(() -> answer(policy, paused)));
        if (policy.basicAuth() != null) {
            devTools.addListener(new org.openqa.selenium.devtools.Event<Map<String, Object>>("Fetch.authRequired",
                    input -> input.read(Map.class)), challenge -> networkAnswers.execute(() -> authenticate(policy, challenge)));
        }
        devTools.send(new org.openqa.selenium.devtools.Command<Void>("Fetch.enable",
                Map.of("patterns", patterns, "handleAuthRequests", policy.basicAuth() != null)));
    }

    @SuppressWarnings("unchecked")
    private void authenticate(NetworkPolicy policy, Map<String, Object> challenge) {
        try {
            Map<String, Object> request = (Map<String, Object>) challenge.get("request");
            Map<String, Object> answer = policy.authFor(String.valueOf(request.get("url")))
                    ? Map.of("response", "ProvideCredentials", "username", policy.basicAuth().user(),
                            "password", policy.basicAuth().password())
                    : Map.of("response", "CancelAuth");
            devTools.send(new org.openqa.selenium.devtools.Command<Void>("Fetch.continueWithAuth",
                    Map.of("requestId", String.valueOf(challenge.get("requestId")), "authChallengeResponse", answer)));
        } catch (RuntimeException e) {
            // The browser went away mid-request: nothing is waiting for the answer any more.
        }
    }

    /** Fetch's glob patterns for a rule; the rule itself decides on each paused request (method included). */
    private static List<String> urlPatterns(RequestRule rule) {
        Map<String, String> shape = rule.urlShape();
        String host = shape.get("host");
        if (host == null) {
            return List.of("*");
        }
        if (!shape.containsKey("scheme")) {
            // A blocked host, its subdomains too, on any scheme and port.
            return List.of("*://" + host + "/*", "*://" + host + ":*", "*://*." + host + "/*", "*://*." + host + ":*");
        }
        String origin = shape.get("scheme") + "://" + host + (shape.containsKey("port") ? ":" + shape.get("port") : "");
        return List.of(shape.containsKey("path") ? origin + shape.get("path") + "*" : origin + "/*");
    }

    @SuppressWarnings("unchecked")
    private void answer(NetworkPolicy policy, Map<String, Object> paused) {
        try {
            String id = String.valueOf(paused.get("requestId"));
            Map<String, Object> request = (Map<String, Object>) paused.get("request");
            String method = String.valueOf(request.get("method"));
            String url = String.valueOf(request.get("url"));
            RequestRule rule = policy.ruleFor(method, url);
            if (rule != null) {
                intercepted.add(new InterceptedRequest(method, url, rule, rule.block()));
            }
            if (rule != null && rule.block()) {
                devTools.send(new org.openqa.selenium.devtools.Command<Void>("Fetch.failRequest",
                        Map.of("requestId", id, "errorReason", "BlockedByClient")));
            } else {
                devTools.send(new org.openqa.selenium.devtools.Command<Void>("Fetch.continueRequest", Map.of("requestId", id)));
            }
        } catch (RuntimeException e) {
            // The browser went away mid-request: nothing is waiting for the answer any more.
        }
    }

    /**
     * Always drains: the network rules' catches decide verdicts (an order sent forbids a retry), and a watched order
     * request is heard from the performance log only, so a drain made just before the click that sent it would miss
     * it. Blocked requests are heard at once ({@link #answer}).
     */
    @Override
    public List<InterceptedRequest> interceptedRequests() {
        ifOpen(this::drainLogs);
        return List.copyOf(intercepted);
    }

    String browserVersion() {
        return driver instanceof RemoteWebDriver remote ? remote.getCapabilities().getBrowserVersion() : "";
    }

    @Override
    public Navigation navigate(URI url, Duration timeout) {
        return command(() -> load(url, timeout));
    }

    private Navigation load(URI url, Duration timeout) {
        lastMatch = null;
        drainLogs();
        takeDialogs();
        lastDocumentStatus = 0;
        lastDocumentError = null;
        long start = System.nanoTime();
        try {
            driver.manage().timeouts().pageLoadTimeout(timeout);
            driver.get(url.toString());
        } catch (TimeoutException e) {
            throw new BrowserException("Opening " + url + " timed out after " + Durations.say(timeout)
                    + " (no load event) [selenium]", e);
        } catch (WebDriverException e) {
            Matcher m = NET_ERROR.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw new SiteUnreachableException(url.toString(), m.group(), "selenium");
            }
            throw new BrowserException("Opening " + url + " failed: " + firstLine(e) + " [selenium]", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // The dialogs taken before the load were the last page's: the new one's are not taken yet.
        dialogsTaken = start - DRAIN_FRESH.toNanos() - 1;
        drainLogs();
        // ChromeDriver reports most network errors itself, but some (a port Chrome refuses, say) only show as an
        // error page: the failed document load in the performance log tells them apart.
        if (lastDocumentStatus == 0 && lastDocumentError != null) {
            throw new SiteUnreachableException(url.toString(), lastDocumentError, "selenium");
        }
        return new Navigation(driver.getCurrentUrl(), lastDocumentStatus, took);
    }

    @Override
    public String url() {
        return command(driver::getCurrentUrl);
    }

    @Override
    public String title() {
        return command(driver::getTitle);
    }

    @Override
    public ElementMatch match(Locator locator, int index) {
        return command(() -> matchNow(locator, index));
    }

    private ElementMatch matchNow(Locator locator, int index) {
        // While a step waits for an element, keep hearing of navigations (a click into an error page) now and then.
        drainIfOlderThan(DRAIN_EVERY);
        Map<?, ?> state = (Map<?, ?>) located(MATCH, locator, index);
        addDialogs(state.get("dialogs"));
        // The element the action that asked will use, if it acts at once: no second search.
        lastMatch = state.get("element") instanceof WebElement element ? new Matched(locator, index, element) : null;
        return ElementMatch.fromScript(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> texts(Locator locator) {
        return command(() -> ((List<Object>) located(TEXTS, locator)).stream().map(String::valueOf)
                .collect(Collectors.toList()));
    }

    @Override
    public void click(Locator locator, int index) {
        act(locator, index, element -> {
            element.click();
            // A click is what opens dialogs: hear of them now, so the call log shows them right after it.
            takeDialogs();
        });
    }

    @Override
    public void fill(Locator locator, int index, String text) {
        act(locator, index, element -> {
            element.clear();
            element.sendKeys(text);
        });
    }

    /** Finds the option as the other engine does ({@link PageScripts#OPTION}), then chooses it. */
    @Override
    public void select(Locator locator, int index, String option) {
        act(locator, index, element -> {
            String value = String.valueOf(script(PageScripts.OPTION, element, option));
            if (value.startsWith("!")) {
                throw new BrowserException("cannot select '" + option + "' in " + locator + ": " + value.substring(1));
            }
            script(PageScripts.CHOOSE, element, value);
        });
    }

    @Override
    public byte[] screenshot() {
        return command(() -> ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public String pageSource() {
        return command(driver::getPageSource);
    }

    @Override
    public List<ConsoleError> consoleErrors() {
        ifOpen(() -> drainIfOlderThan(DRAIN_FRESH));
        return List.copyOf(consoleErrors);
    }

    @Override
    public List<FailedRequest> failedRequests() {
        ifOpen(() -> drainIfOlderThan(DRAIN_FRESH));
        return List.copyOf(failedRequests);
    }

    /**
     * The documents heard of so far, without asking the browser: this may be read from another thread while a step
     * runs, and a WebDriver session must not take two commands at once. The logs are drained by the step's own
     * calls ({@link #navigate}, and {@link #match} every few hundred milliseconds).
     */
    @Override
    public List<Navigation> navigations() {
        return List.copyOf(navigations);
    }

    /** The dialogs so far: asked of the page unless a look or a click took them within {@link #DRAIN_FRESH}. */
    @Override
    public List<dev.flows.browser.Dialog> dialogs() {
        ifOpen(() -> {
            if (System.nanoTime() - dialogsTaken > DRAIN_FRESH.toNanos()) {
                takeDialogs();
            }
        });
        return List.copyOf(dialogs);
    }

    /** The dialogs heard of so far: those {@link #match}, clicks and page loads picked up on their way. */
    @Override
    public List<dev.flows.browser.Dialog> dialogsHeard() {
        return List.copyOf(dialogs);
    }

    private void takeDialogs() {
        try {
            addDialogs(((JavascriptExecutor) driver).executeScript("return (" + PageScripts.DIALOGS_TAKE + ")();"));
        } catch (WebDriverException e) {
            // A page that cannot be asked right now (mid-navigation) keeps its dialogs for the next time.
        }
    }

    /** Adds what the page's recorder handed over (a look or {@link #takeDialogs} took it), and notes when. */
    private synchronized void addDialogs(Object taken) {
        dialogsTaken = System.nanoTime();
        if (taken instanceof String text && !text.isBlank()) {
            try {
                for (JsonNode d : JSON.readTree(text)) {
                    dialogs.add(new dev.flows.browser.Dialog(d.path("type").asText(), d.path("message").asText(), d.path("url").asText()));
                }
            } catch (IOException e) {
                // Not what DIALOG_RECORDER writes: a page script overwrote it, and there is nothing to read.
            }
        }
    }

    /**
     * On a kept local browser, pictures for the recorded trace go over the DevTools connection, which runs beside
     * WebDriver's commands: the next action does not wait for the picture, and JPEG costs the browser far less than
     * WebDriver's PNG. On a Grid the trace asks at once.
     */
    @Override
    public CompletableFuture<TraceShot> traceShotLater() {
        if (chrome == null) {
            return null;
        }
        synchronized (this) {
            if (traceShots == null) {
                pageChannel();
                traceShots = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "flows-selenium-trace");
                    t.setDaemon(true);
                    return t;
                });
            }
            return CompletableFuture.supplyAsync(this::traceShot, traceShots);
        }
    }

    @SuppressWarnings("unchecked")
    private TraceShot traceShot() {
        synchronized (gate) {
            if (closed) {
                return new TraceShot("(not known: the page was closed)", null);
            }
        }
        Map<String, Object> history = devTools.send(new org.openqa.selenium.devtools.Command<Map<String, Object>>(
                "Page.getNavigationHistory", Map.of(), input -> input.read(Map.class)), TRACE_SHOT);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) history.get("entries");
        int current = ((Number) history.get("currentIndex")).intValue();
        String url = current >= 0 && current < entries.size() ? String.valueOf(entries.get(current).get("url")) : "";
        Map<String, Object> shot = devTools.send(new org.openqa.selenium.devtools.Command<Map<String, Object>>(
                "Page.captureScreenshot", Map.of("format", "jpeg", "quality", 70), input -> input.read(Map.class)), TRACE_SHOT);
        return new TraceShot(url, java.util.Base64.getDecoder().decode(String.valueOf(shot.get("data"))));
    }

    /** The DevTools connection, attached to this session's page (the kept browser has other windows). */
    private void pageChannel() {
        if (devTools == null) {
            devTools = ((org.openqa.selenium.devtools.HasDevTools) driver).getDevTools();
            devTools.createSessionIfThereIsNotOne(command(driver::getWindowHandle));
        }
    }

    @Override
    public boolean tracesNatively() {
        return false;
    }

    @Override
    public void startTrace() {
        throw new UnsupportedOperationException("selenium has no native trace; the browser port records one");
    }

    @Override
    public void stopTrace(Path file) {
        throw new UnsupportedOperationException("selenium has no native trace; the browser port records one");
    }

    @Override
    public void discardTrace() {
        throw new UnsupportedOperationException("selenium has no native trace; the browser port records one");
    }

    /**
     * Closes the page. A kept browser goes back to the engine once its context is thrown away, unless a command of
     * this session is still running {@link #IN_FLIGHT_GRACE} after the close (a step that hung and was given up on):
     * that browser is busy, perhaps stuck, and is killed instead, as one that fails to clean up is quit. A step given
     * up on while it was only looking (a page answering 500 fails its step before the step's own wait ends) finishes
     * its look within moments, and no command after it gets through.
     */
    @Override
    public void close() {
        boolean busy;
        synchronized (gate) {
            if (closed) {
                return;
            }
            closed = true;
            long until = System.nanoTime() + IN_FLIGHT_GRACE.toNanos();
            try {
                for (long left = IN_FLIGHT_GRACE.toMillis(); inFlight > 0 && left > 0;
                     left = (until - System.nanoTime()) / 1_000_000) {
                    gate.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            busy = inFlight > 0;
        }
        if (networkAnswers != null) {
            networkAnswers.shutdownNow();
        }
        synchronized (this) {
            if (traceShots != null) {
                traceShots.shutdownNow();
            }
        }
        try {
            if (chrome == null) {
                closeGridBrowser();
            } else if (busy) {
                engine.discardStuck(chrome);
            } else {
                try {
                    if (devTools != null) {
                        // The DevTools connection is the browser's: the next session must not hear our requests.
                        devTools.clearListeners();
                    }
                    chrome.closeContext(context);
                    engine.giveBack(chrome);
                } catch (RuntimeException e) {
                    engine.discard(chrome);
                }
            }
        } finally {
            engine.closed(this);
        }
    }

    private void closeGridBrowser() {
        try {
            if (devTools != null) {
                devTools.close();
            }
        } catch (RuntimeException ignored) {
            // The DevTools connection goes with the browser anyway.
        }
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // A browser that already died cannot be quit.
        }
    }

    /** The kept browser, for tests that check it is reused; null on a Grid. */
    Chrome chrome() {
        return chrome;
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Runs WebDriver commands for this session while it is open; once it is closed they fail at once, since its
     * browser may already serve the next session.
     */
    private <T> T command(java.util.function.Supplier<T> commands) {
        synchronized (gate) {
            if (closed) {
                throw new BrowserException("the page is closed [selenium]");
            }
            inFlight++;
        }
        try {
            return commands.get();
        } finally {
            synchronized (gate) {
                inFlight--;
                gate.notifyAll();
            }
        }
    }

    /** Reads what the browser has for this session, if it is still open; a closed one keeps what it had read. */
    private void ifOpen(Runnable read) {
        synchronized (gate) {
            if (closed) {
                return;
            }
            inFlight++;
        }
        try {
            read.run();
        } finally {
            synchronized (gate) {
                inFlight--;
                gate.notifyAll();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<WebElement> resolve(Locator locator) {
        return (List<WebElement>) located(FIND, locator);
    }

    /**
     * Runs a script that starts with {@link PageScripts#FIND} on the locator (its first argument, then {@code more}).
     * A script that a page load cut short is "the page changed", looked at again; an expression the browser refused
     * is an {@link dev.flows.browser.InvalidLocatorException}.
     */
    private Object located(String script, Locator locator, Object... more) {
        Object[] arguments = new Object[more.length + 1];
        arguments[0] = PageScripts.chain(locator);
        System.arraycopy(more, 0, arguments, 1, more.length);
        Object result;
        try {
            result = ((JavascriptExecutor) driver).executeScript(script, arguments);
        } catch (org.openqa.selenium.JavascriptException e) {
            throw new NotActionableException("the page changed while it was read: " + firstLine(e), e);
        }
        return PageScripts.found(result, locator, "selenium");
    }

    private void act(Locator locator, int index, java.util.function.Consumer<WebElement> action) {
        command(() -> {
            actNow(locator, index, action);
            return null;
        });
    }

    private void actNow(Locator locator, int index, java.util.function.Consumer<WebElement> action) {
        try {
            Matched matched = lastMatch;
            lastMatch = null;
            WebElement element;
            if (matched != null && matched.locator().equals(locator) && matched.index() == index) {
                element = matched.element();
            } else {
                List<WebElement> found = resolve(locator);
                if (index >= found.size()) {
                    throw new NotActionableException("no element at index " + index, null);
                }
                element = found.get(index);
            }
            action.accept(element);
        } catch (StaleElementReferenceException | InvalidElementStateException e) {
            throw new NotActionableException(firstLine(e), e);
        } catch (TimeoutException e) {
            // The action started a page that did not load in time (or a request the network rules hold back).
            throw new BrowserException("acted on " + locator + ", but the page it opened did not load in time: "
                    + firstLine(e) + " [selenium]", e);
        }
    }

    private Object script(String function, Object elements, Object argument) {
        return ((JavascriptExecutor) driver).executeScript(
                "return (" + function + ")(arguments[0], arguments[1]);", elements, argument);
    }

    /**
     * Drains the logs unless that was done within {@code age}: a step's end reads failed requests, console errors
     * and caught requests one after another ({@link #DRAIN_FRESH}), and a wait hears of navigations now and then
     * ({@link #DRAIN_EVERY}); ChromeDriver hands its logs over in batches anyway.
     */
    private void drainIfOlderThan(Duration age) {
        if (System.nanoTime() - lastDrain > age.toNanos()) {
            drainLogs();
        }
    }

    private synchronized void drainLogs() {
        lastDrain = System.nanoTime();
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    consoleErrors.add(consoleError(entry));
                }
            }
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                // Most entries are events nothing here reads (data received, loading finished, extra info):
                // only the three that network() reads are parsed.
                String message = entry.getMessage();
                if (message.contains("\"Network.requestWillBeSent\"") || message.contains("\"Network.responseReceived\"")
                        || message.contains("\"Network.loadingFailed\"")) {
                    network(JSON.readTree(message).path("message"));
                }
            }
        } catch (IOException | WebDriverException e) {
            // Logs are diagnostics: a browser that cannot hand them over must not fail the journey.
        }
    }

    private ConsoleError consoleError(LogEntry entry) {
        String message = entry.getMessage();
        String source = "";
        Matcher prefix = LOG_PREFIX.matcher(message);
        if (prefix.find()) {
            source = prefix.group(1);
            message = message.substring(prefix.end());
        }
        if (message.startsWith("Uncaught ")) {
            return new ConsoleError(ConsoleError.Kind.UNCAUGHT, message.substring("Uncaught ".length()), driver.getCurrentUrl(),
                    Instant.ofEpochMilli(entry.getTimestamp()));
        }
        // console.error('text') arrives as a JSON string literal: show the text the page logged.
        if (message.length() >= 2 && message.startsWith("\"") && message.endsWith("\"")) {
            try {
                message = JSON.readValue(message, String.class);
            } catch (IOException ignored) {
                // Not JSON after all: keep it as the browser wrote it.
            }
        }
        return new ConsoleError(ConsoleError.Kind.CONSOLE, message, driver.getCurrentUrl(), Instant.ofEpochMilli(entry.getTimestamp()));
    }

    private void network(JsonNode message) {
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        String id = params.path("requestId").asText();
        switch (method) {
            case "Network.requestWillBeSent" -> {
                String requestMethod = params.path("request").path("method").asText();
                String requestUrl = params.path("request").path("url").asText();
                requests.put(id, new String[] {requestMethod, requestUrl, params.path("type").asText()});
                RequestRule rule = policy.ruleFor(requestMethod, requestUrl);
                if (rule != null && !rule.block()) {
                    intercepted.add(new InterceptedRequest(requestMethod, requestUrl, rule, false));
                }
            }
            case "Network.responseReceived" -> {
                JsonNode response = params.path("response");
                int status = response.path("status").asInt();
                if ("Document".equals(params.path("type").asText())) {
                    lastDocumentStatus = status;
                    navigations.add(new Navigation(response.path("url").asText(), status, Duration.ZERO));
                }
                if (status >= 400) {
                    String[] request = requests.getOrDefault(id, new String[] {"GET", response.path("url").asText()});
                    failedRequests.add(new FailedRequest(request[0], response.path("url").asText(), status,
                            response.path("statusText").asText()));
                }
            }
            case "Network.loadingFailed" -> {
                String[] request = requests.get(id);
                if (request != null) {
                    if ("Document".equals(params.path("type").asText(request[2]))) {
                        lastDocumentError = params.path("errorText").asText();
                    }
                    failedRequests.add(new FailedRequest(request[0], request[1], 0, params.path("errorText").asText()));
                }
            }
            default -> {
                // Other network events say nothing about failures.
            }
        }
    }
}
