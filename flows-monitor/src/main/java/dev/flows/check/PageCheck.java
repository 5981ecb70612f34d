package dev.flows.check;

import dev.flows.run.ResultKey;
import dev.flows.site.Site;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One page type on one site, checked over HTTP: the status expected, a text the page must contain, and the slowest
 * acceptable answer. Cheap enough to run every minute, unlike a browser journey.
 *
 * <pre>{@code
 * PageCheck landing = new PageCheck(live, "landing", "/", 200, "Bean & Burr", Duration.ofSeconds(2));
 * }</pre>
 *
 * @param site   the site whose base URL the path is resolved against
 * @param type   the page type: landing, category, product, cart, account, or a name of your own
 * @param path   the page's path on the site, starting with {@code /}; resolved under the site's base URL
 * @param status the HTTP status expected (usually 200)
 * @param marker text the body must contain, or null for none
 * @param budget over this the check is DEGRADED, or null for no budget
 */
public record PageCheck(Site site, String type, String path, int status, String marker, Duration budget) {

    public PageCheck {
        Objects.requireNonNull(site, "site");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("page check type must not be blank on site " + site.name());
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("page check '" + type + "' path must start with /: " + path);
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("page check '" + type + "' status must be 100-599: " + status);
        }
        if (marker != null && marker.isEmpty()) {
            marker = null;
        }
        if (budget != null && (budget.isZero() || budget.isNegative())) {
            throw new IllegalArgumentException("page check '" + type + "' budget must be positive: " + budget);
        }
    }

    /** The full URL: the path under the site's base URL (which may itself have a path). */
    public URI url() {
        return site.baseUrl().resolve(path.substring(1));
    }

    /** "page: landing": the row name in reports, beside the journeys. */
    public String name() {
        return key().title();
    }

    /** This check's key in results: a page check of {@link #type()} on the site. */
    public ResultKey key() {
        return ResultKey.pageCheck(type, site.name());
    }
}
