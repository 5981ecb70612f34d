package dev.flows.dsl;

/**
 * An order a listing can be in, for {@link StorefrontJourney#expectListingOrder(ListingOrder)}.
 *
 * <pre>{@code .sort("Price (low to high)").expectListingOrder(ListingOrder.PRICE_ASCENDING)}</pre>
 */
public enum ListingOrder {
    /** Names A to Z, ignoring case. */
    NAME_ASCENDING("names A to Z"),
    /** Names Z to A, ignoring case. */
    NAME_DESCENDING("names Z to A"),
    /** Prices low to high, as the cards show them. */
    PRICE_ASCENDING("prices low to high"),
    /** Prices high to low, as the cards show them. */
    PRICE_DESCENDING("prices high to low");

    private final String words;

    ListingOrder(String words) {
        this.words = words;
    }

    /** "prices low to high". */
    @Override
    public String toString() {
        return words;
    }
}
