package dev.flows.engine.port;

import dev.flows.browser.ConsoleError;
import dev.flows.browser.Page;

import java.net.URI;
import java.time.Duration;

/** What the browser contract checks inside the port implementation, for test code in other packages. */
public final class PortProbe {

    private PortProbe() {
    }

    /** The URL a page opens for {@code path}. */
    public static URI resolve(Page page, String path) {
        return ((EnginePage) page).resolve(path);
    }

    /** Waits, the port's own way, for the page's first uncaught error. */
    public static ConsoleError awaitUncaughtError(Page page, Duration wait) {
        return ((EnginePage) page).await("the console", "report an uncaught error", wait, () -> page.consoleErrors().stream()
                .filter(c -> c.kind() == ConsoleError.Kind.UNCAUGHT).findFirst()
                .map(Poll::done).orElseGet(() -> Poll.notYet(page.consoleErrors().toString())));
    }
}
