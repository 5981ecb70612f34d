package dev.flows.dsl;

import dev.flows.browser.Locator;
import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.journey.BrokenMonitorException;

import java.util.Optional;

/**
 * The profile's hooks as a custom step sees them ({@link ShopStep}): the locator of each, following the profile's
 * test-id attribute, and a missing one named in a BROKEN message.
 */
public final class ShopHooks {

    private final StorefrontProfile profile;

    ShopHooks(StorefrontProfile profile) {
        this.profile = profile;
    }

    /** The hook's locator; a hook the profile lacks makes the step BROKEN with a message naming it. */
    public Locator locator(Hook hook) {
        return profile.hookIfPresent(hook).orElseThrow(() -> missing(profile, hook));
    }

    /** The hook's locator, if the profile has it. */
    public Optional<Locator> ifPresent(Hook hook) {
        return profile.hookIfPresent(hook);
    }

    /** A locator for a test id, with the profile's test-id attribute ({@code data-testid}, {@code data-test}...). */
    public Locator testId(String id) {
        return StorefrontProfile.builder("x").testIdAttribute(profile.testIdAttribute()).testId(id);
    }

    public StorefrontProfile profile() {
        return profile;
    }

    static BrokenMonitorException missing(StorefrontProfile profile, Hook hook) {
        return new BrokenMonitorException("storefront profile '" + profile.name() + "' has no hook '" + hook.key() + "' ("
                + hook.meaning() + "): add hooks." + hook.key() + " to the profile, or leave this step out");
    }
}
