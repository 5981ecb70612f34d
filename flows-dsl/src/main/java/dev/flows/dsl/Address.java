package dev.flows.dsl;

/**
 * A shipping address for the checkout.
 *
 * <pre>{@code co.shipping(new Address("Sam", "Shopper", "Kastanienallee 12", "10435", "Berlin", "DE"))}</pre>
 *
 * @param country the value or label of the country option, e.g. "DE" or "Germany"
 */
public record Address(String firstName, String lastName, String street, String postalCode, String city, String country) {

    /** A test address in Berlin, Germany. */
    public static final Address TEST = new Address("Flo", "Monitor", "Teststraße 1", "10115", "Berlin", "DE");

    public Address {
        require(firstName, "firstName");
        require(lastName, "lastName");
        require(street, "street");
        require(postalCode, "postalCode");
        require(city, "city");
        require(country, "country");
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("address " + what + " must not be blank");
        }
    }
}
