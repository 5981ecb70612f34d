package dev.flows.run;

import java.util.Objects;

/**
 * Which check a result is about: a journey on a site with an engine, or a page check (plain HTTP, no engine) on a
 * site. The one key by which reports, alerting and Allure find, group and remember results; display text is never
 * parsed back into one.
 *
 * <pre>{@code
 * ResultKey checkout = ResultKey.journey("guest checkout", "live", "playwright");
 * ResultKey landing = ResultKey.pageCheck("landing", "live");
 * checkout.id();     // "journey:guest checkout@live[playwright]"
 * landing.title();   // "page: landing"
 * }</pre>
 *
 * @param kind   a journey in a browser or a page check over HTTP
 * @param name   the journey's name, or the page check's page type ("landing")
 * @param site   the site's name
 * @param engine the engine's id ("playwright", "selenium"); "" for a page check, which uses no browser
 */
public record ResultKey(Kind kind, String name, String site, String engine) {

    /** What kind of check a result is about. */
    public enum Kind {
        /** A journey of steps in a browser. */
        JOURNEY,
        /** One page fetched over HTTP, without a browser. */
        PAGE_CHECK
    }

    public ResultKey {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a result key needs a name: " + name);
        }
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("result key '" + name + "' needs a site: " + site);
        }
        engine = engine == null ? "" : engine;
        if (kind == Kind.JOURNEY && engine.isBlank()) {
            throw new IllegalArgumentException("journey '" + name + "' on " + site + " needs an engine");
        }
        if (kind == Kind.PAGE_CHECK && !engine.isEmpty()) {
            throw new IllegalArgumentException("page check '" + name + "' on " + site + " has no engine: " + engine);
        }
    }

    public static ResultKey journey(String journey, String site, String engine) {
        return new ResultKey(Kind.JOURNEY, journey, site, engine);
    }

    public static ResultKey pageCheck(String type, String site) {
        return new ResultKey(Kind.PAGE_CHECK, type, site, "");
    }

    /** The row name in reports: the journey's name, or "page: landing" for a page check. */
    public String title() {
        return kind == Kind.PAGE_CHECK ? "page: " + name : name;
    }

    /** "live [playwright]", or "live" for a page check: where the check ran. */
    public String where() {
        return engine.isEmpty() ? site : site + " [" + engine + "]";
    }

    /**
     * A stable text id, for files that outlive a run (the alert state) and ids derived from it (Allure history):
     * {@code journey:guest checkout@live[playwright]} or {@code page:landing@live}.
     */
    public String id() {
        return kind == Kind.PAGE_CHECK ? "page:" + name + "@" + site : "journey:" + name + "@" + site + "[" + engine + "]";
    }

    /** Whether {@code other} is the same check (kind, name and engine), possibly on another site. */
    public boolean sameCheck(ResultKey other) {
        return kind == other.kind && name.equals(other.name) && engine.equals(other.engine);
    }

    /** "'guest checkout' on live [playwright]": how failure messages begin. */
    @Override
    public String toString() {
        return "'" + title() + "' on " + where();
    }
}
