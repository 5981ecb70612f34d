package dev.flows.run;

import dev.flows.browser.ConsoleError;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an uncaught JavaScript error on a page does to the step that was running: fail it (the default), only
 * degrade the journey, or nothing. Errors matching an allowed pattern (third-party noise) are ignored.
 *
 * <pre>{@code
 * PageErrors errors = PageErrors.failStep().allow("ResizeObserver loop").allow("analytics\\.example\\.com");
 * }</pre>
 *
 * @param mode    what an error does
 * @param allowed patterns (Java regex, searched anywhere in the message) of errors to ignore
 */
public record PageErrors(Mode mode, List<Pattern> allowed) {

    /** What an uncaught error does. */
    public enum Mode { FAIL, DEGRADE, IGNORE }

    public PageErrors {
        Objects.requireNonNull(mode, "mode");
        allowed = List.copyOf(allowed);
    }

    public static PageErrors failStep() {
        return new PageErrors(Mode.FAIL, List.of());
    }

    public static PageErrors degrade() {
        return new PageErrors(Mode.DEGRADE, List.of());
    }

    public static PageErrors ignore() {
        return new PageErrors(Mode.IGNORE, List.of());
    }

    /** These settings, also ignoring errors whose message contains a match of {@code regex}. */
    public PageErrors allow(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(Objects.requireNonNull(regex, "page error pattern"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("page error pattern is not a regular expression: \"" + regex + "\"");
        }
        List<Pattern> more = new ArrayList<>(allowed);
        more.add(pattern);
        return new PageErrors(mode, more);
    }

    /** Whether {@code error} counts: uncaught and not allowed. {@code console.error} lines never count. */
    public boolean counts(ConsoleError error) {
        return mode != Mode.IGNORE && error.kind() == ConsoleError.Kind.UNCAUGHT
                && allowed.stream().noneMatch(p -> p.matcher(error.message()).find());
    }
}
