package dev.flows.run;

import dev.flows.browser.Dialog;
import dev.flows.browser.FailedRequest;
import dev.flows.browser.Navigation;
import dev.flows.browser.Page;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Watches one attempt's page for what a shopper suffers besides the journey's own checks: pages answered with an
 * HTTP error, failed same-origin requests (broken images, assets, API calls) and JavaScript dialogs. Each kind has
 * its {@link HealthPolicy}; {@link #fresh(boolean)} reports what happened since it was last asked.
 */
final class PageHealth {

    /** Where a problem came from, and what its policy says. */
    record Problem(String kind, String description, PageErrors.Mode mode) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final Set<String> IMAGE_ENDINGS = Set.of(".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico");

    private final Page page;
    private final URI site;
    private final HealthPolicy httpErrors;
    private final HealthPolicy failedRequests;
    private final HealthPolicy dialogs;
    private int navigationsSeen;
    private int requestsSeen;
    private int dialogsSeen;

    PageHealth(Page page, URI site, HealthPolicy httpErrors, HealthPolicy failedRequests, HealthPolicy dialogs) {
        this.page = page;
        this.site = site;
        this.httpErrors = httpErrors;
        this.failedRequests = failedRequests;
        this.dialogs = dialogs;
    }

    /**
     * The problems that count since the last call. With {@code quick}, only the navigations the engine already
     * heard of are read: a step still running owns the browser (a WebDriver session takes one command at a time),
     * so failed requests and dialogs wait for the end of the step.
     */
    synchronized List<Problem> fresh(boolean quick) {
        List<Problem> out = new ArrayList<>();
        List<FailedRequest> requests = quick ? List.of() : safe(page::failedRequests);
        List<Navigation> navigations = safe(page::navigations);
        List<Navigation> newNavigations = navigations.subList(Math.min(navigationsSeen, navigations.size()), navigations.size());
        for (Navigation n : newNavigations) {
            if (n.status() >= 400) {
                String d = "HTTP " + n.status() + " " + reason(n.status()) + " from " + n.url();
                if (httpErrors.counts(d)) {
                    out.add(new Problem("http", d, httpErrors.mode()));
                }
            }
        }
        for (FailedRequest r : requests.subList(Math.min(requestsSeen, requests.size()), requests.size())) {
            boolean document = navigations.stream().anyMatch(n -> n.url().equals(r.url()) && n.status() == r.status());
            if (document || !sameOrigin(r.url()) || aborted(r)) {
                continue;
            }
            String what = isImage(r.url()) ? "broken image" : "failed request";
            String d = what + ": " + r;
            if (failedRequests.counts(d)) {
                out.add(new Problem("request", d, failedRequests.mode()));
            }
        }
        navigationsSeen = navigations.size();
        if (!quick) {
            requestsSeen = requests.size();
            List<Dialog> all = safe(page::dialogs);
            for (Dialog dialog : all.subList(Math.min(dialogsSeen, all.size()), all.size())) {
                String d = "JavaScript " + dialog + " opened on " + dialog.url();
                if (dialogs.counts(d)) {
                    out.add(new Problem("dialog", d, dialogs.mode()));
                }
            }
            dialogsSeen = all.size();
        }
        return out;
    }

    /** The dialogs seen so far, for a failure message of another cause. */
    List<Dialog> dialogsSoFar() {
        return safe(page::dialogs);
    }

    private boolean sameOrigin(String url) {
        try {
            URI u = URI.create(url);
            return String.valueOf(u.getScheme()).equalsIgnoreCase(site.getScheme())
                    && String.valueOf(u.getHost()).equalsIgnoreCase(site.getHost()) && port(u) == port(site);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    // A request cut off because the shopper moved on (a click away while images load) is no defect.
    private static boolean aborted(FailedRequest r) {
        String e = String.valueOf(r.error()).toLowerCase(Locale.ROOT);
        return r.status() == 0 && (e.contains("abort") || e.contains("cancel"));
    }

    private static boolean isImage(String url) {
        String path;
        try {
            path = URI.create(url.replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            path = url;
        }
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return IMAGE_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }

    private static <T> List<T> safe(java.util.function.Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
