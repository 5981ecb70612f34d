package dev.flows.journey;

/**
 * A journey tried to place an order on a production site that the run does not allow orders on. BROKEN (the
 * monitor is misconfigured, the shop is fine) and never retried, so no retry can get around it.
 */
public final class OrderRefusedException extends BrokenMonitorException {

    public OrderRefusedException(String site) {
        super("refused to place an order on production site '" + site + "': allow orders for it in the run (allowOrders(\""
                + site + "\")) or mark it non-production");
    }

    /** The browser tried to send an order request ({@code what}), and the network layer blocked it. */
    public OrderRefusedException(String site, String what) {
        super("refused to place an order on production site '" + site + "': " + what + " was blocked at the network;"
                + " allow orders for it in the run (allowOrders(\"" + site + "\")) or mark it non-production");
    }
}
