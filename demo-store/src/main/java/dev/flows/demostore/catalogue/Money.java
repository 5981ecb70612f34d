package dev.flows.demostore.catalogue;

import java.math.BigDecimal;

/**
 * An amount in euros, held as whole cents so that sums never drift.
 *
 * <p>Shown everywhere in the shop as {@code €1,249.00}: euro sign, no space, comma for thousands, dot and two
 * decimals. Tests and storefront profiles can parse that one format back with {@link #parse(String)}.
 *
 * <pre>{@code Money.euros("1249.00").toString()  // "€1,249.00"}</pre>
 */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (cents < 0) {
            throw new IllegalArgumentException("money must not be negative: " + cents + " cents");
        }
    }

    /** Parses a plain decimal amount such as {@code "1249.00"} or {@code "19.9"}. */
    public static Money euros(String amount) {
        try {
            return new Money(new BigDecimal(amount).movePointRight(2).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a euro amount with at most two decimals: \"" + amount + "\"");
        }
    }

    /** Parses the shop's display format, e.g. {@code "€1,249.00"}. */
    public static Money parse(String shown) {
        String s = shown == null ? "" : shown.strip();
        if (!s.matches("€\\d{1,3}(,\\d{3})*\\.\\d{2}")) {
            throw new IllegalArgumentException("not a price in the form €1,249.00: \"" + shown + "\"");
        }
        return euros(s.substring(1).replace(",", ""));
    }

    public Money plus(Money other) {
        return new Money(cents + other.cents);
    }

    public Money times(int quantity) {
        return new Money(Math.multiplyExact(cents, quantity));
    }

    /** This amount scaled by {@code percent}/100, rounded half up to the cent. */
    public Money percent(int percent) {
        return new Money((cents * percent + 50) / 100);
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(cents, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** The display format, e.g. {@code €1,249.00}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "€%,d.%02d", cents / 100, cents % 100);
    }
}
