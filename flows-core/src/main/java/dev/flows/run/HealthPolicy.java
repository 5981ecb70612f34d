package dev.flows.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one kind of page-health problem does to the step it happened in: fail the step (the default), only degrade
 * the journey, or nothing; problems whose description matches an allowed pattern are ignored. Used for HTTP
 * error statuses of pages, failed same-origin requests (broken images, assets, API calls) and JavaScript dialogs,
 * in the same way {@link PageErrors} is used for uncaught script errors.
 *
 * <pre>{@code
 * Run.builder()
 *     .httpErrors(HealthPolicy.failStep())                                    // a 4xx/5xx page fails at once
 *     .failedRequests(HealthPolicy.failStep().allow("/analytics/"))           // regex, found anywhere in "GET url -> 404"
 *     .dialogs(HealthPolicy.degrade().allow("Are you sure"))                  // a dialog only degrades
 * }</pre>
 *
 * @param mode    what a problem does
 * @param allowed patterns (Java regex, searched anywhere in the problem's description) of problems to ignore
 */
public record HealthPolicy(PageErrors.Mode mode, List<Pattern> allowed) {

    public HealthPolicy {
        Objects.requireNonNull(mode, "mode");
        allowed = List.copyOf(allowed);
    }

    public static HealthPolicy failStep() {
        return new HealthPolicy(PageErrors.Mode.FAIL, List.of());
    }

    public static HealthPolicy degrade() {
        return new HealthPolicy(PageErrors.Mode.DEGRADE, List.of());
    }

    public static HealthPolicy ignore() {
        return new HealthPolicy(PageErrors.Mode.IGNORE, List.of());
    }

    /** These settings, also ignoring problems whose description contains a match of {@code regex}. */
    public HealthPolicy allow(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(Objects.requireNonNull(regex, "allowed pattern"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("allowed pattern is not a regular expression: \"" + regex + "\"");
        }
        List<Pattern> more = new ArrayList<>(allowed);
        more.add(pattern);
        return new HealthPolicy(mode, more);
    }

    /** Whether a problem described as {@code description} counts: the mode is not IGNORE and no pattern allows it. */
    public boolean counts(String description) {
        return mode != PageErrors.Mode.IGNORE && allowed.stream().noneMatch(p -> p.matcher(description).find());
    }
}
