package dev.flows.dsl;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a price as shops write it ("€1,249.00", "1.249,00 €", "$12.50", "Total: €5.90") into cents. */
final class Prices {

    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d.,\\u00a0 ]*");

    private Prices() {
    }

    /** The amount in cents, or -1 when the text holds no number. */
    static long cents(String shown) {
        if (shown == null) {
            return -1;
        }
        Matcher m = AMOUNT.matcher(shown);
        if (!m.find()) {
            return -1;
        }
        String number = m.group().replaceAll("[\\s\\u00a0]", "");
        number = number.replaceAll("[.,]$", "");
        int lastDot = number.lastIndexOf('.');
        int lastComma = number.lastIndexOf(',');
        int separator = Math.max(lastDot, lastComma);
        // A separator followed by exactly two digits is the decimal point; any other is for thousands.
        if (separator >= 0 && number.length() - separator - 1 == 2) {
            String whole = number.substring(0, separator).replaceAll("[.,]", "");
            return new BigDecimal((whole.isEmpty() ? "0" : whole) + "." + number.substring(separator + 1)).movePointRight(2).longValueExact();
        }
        return new BigDecimal(number.replaceAll("[.,]", "")).movePointRight(2).longValueExact();
    }
}
