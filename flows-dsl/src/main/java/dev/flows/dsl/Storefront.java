package dev.flows.dsl;

import dev.flows.dsl.profile.StorefrontProfile;

import java.util.Objects;

/**
 * The entry point of the storefront DSL: a shop's profile, from which journeys are written.
 *
 * <pre>{@code
 * Storefront shop = Storefront.of(StorefrontProfile.demoStore());
 * Journey browse = shop.journey("browse grinders")
 *     .landing()
 *     .category("Grinders")
 *     .product(Pick.firstInStock())
 *     .expectStock("In stock")
 *     .build();
 * }</pre>
 */
public final class Storefront {

    private final StorefrontProfile profile;

    private Storefront(StorefrontProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public static Storefront of(StorefrontProfile profile) {
        return new Storefront(profile);
    }

    /** The embedded demo store's storefront. */
    public static Storefront demoStore() {
        return of(StorefrontProfile.demoStore());
    }

    public StorefrontProfile profile() {
        return profile;
    }

    /** Starts writing a journey. */
    public StorefrontJourney journey(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("journey name must not be blank");
        }
        return new StorefrontJourney(profile, name.strip());
    }

    /** Starts a list of steps to reuse inside other journeys ({@link StorefrontJourney#then(java.util.List)}). */
    public StorefrontJourney steps() {
        return new StorefrontJourney(profile, "steps");
    }
}
