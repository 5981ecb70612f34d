package dev.flows.dsl;

import dev.flows.browser.BrowserConfig;
import dev.flows.demostore.DemoStore;
import dev.flows.dsl.profile.Hook;
import dev.flows.dsl.profile.StorefrontProfile;
import dev.flows.run.JourneyResult;
import dev.flows.run.Outcome;
import dev.flows.run.Run;
import dev.flows.run.RunResult;
import dev.flows.site.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Categories behind a menu, as most shops show them on a phone: the demo store folds its category links behind a
 * "Categories" button under 720 px. {@code hooks.categoryMenu} opens it when the links are hidden, and only then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CategoryMenuTest {

    private static final StorefrontProfile WITH_MENU = StorefrontProfile.builder("demo-store-with-menu")
            .from(StorefrontProfile.demoStore())
            .hook(Hook.CATEGORY_MENU, StorefrontProfile.builder("x").testId("menu-button")).build();

    private DemoStore store;
    private Engines engines;

    @BeforeAll
    void start() {
        store = DemoStore.builder().name("phone").start();
        engines = new Engines();
    }

    @AfterAll
    void stop() {
        engines.close();
        store.close();
    }

    static java.util.stream.Stream<BrowserConfig.EngineType> engines() {
        return Engines.both();
    }

    private Run.Builder run(BrowserConfig.EngineType engine) {
        return Run.builder().site(Site.builder("phone").url(store.baseUrl()).build()).browser(engines.get(engine))
                .retries(0).output(Path.of("target", "flows-test-output", "category-menu"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void the_menu_is_opened_on_a_phone_and_left_alone_on_a_desktop(BrowserConfig.EngineType engine) {
        RunResult phone = run(engine).viewport(390, 844)
                .journey(Storefront.of(WITH_MENU).journey("menu").landing().category("Grinders").expectProducts(4).build())
                .journey(Storefront.demoStore().journey("no menu hook").landing().category("Grinders").build())
                .build().execute();
        RunResult desktop = run(engine)
                .journey(Storefront.of(WITH_MENU).journey("menu on a desktop").landing().category("Grinders").expectProducts(4).build())
                .build().execute();

        JourneyResult menu = phone.results().get(0);
        assertEquals(Outcome.PASSED, menu.outcome(), menu.message());
        // Without the hook the hidden links cannot be clicked: the step fails, which is what the hook is for.
        JourneyResult without = phone.results().get(1);
        assertEquals(Outcome.FAILED, without.outcome(), without.message());
        assertEquals("step 2 'category 'Grinders''", without.failingStep().orElseThrow().label());
        assertTrue(without.message().contains("visible"), without.message());
        // On a desktop the links are shown and the (hidden) button is not clicked: clicking it would fail the step.
        JourneyResult wide = desktop.results().get(0);
        assertEquals(Outcome.PASSED, wide.outcome(), wide.message());
    }
}
