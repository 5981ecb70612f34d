package dev.flows.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the architecture (STYLE.md, house rules 1 and 9), over the main classes of every Flows module: a
 * broken rule fails the build with the offending class, dependency and line.
 */
@AnalyzeClasses(packages = "dev.flows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DRIVERS = {"com.microsoft.playwright..", "org.openqa.selenium.."};
    private static final String[] ENGINES = {"dev.flows.engine.playwright..", "dev.flows.engine.selenium.."};

    @ArchTest
    static final ArchRule core_and_dsl_know_no_engine_and_no_driver = noClasses()
            .that(areIn("flows-core", "flows-dsl"))
            .should().dependOnClassesThat().resideInAnyPackage(concat(ENGINES, DRIVERS))
            .because("engines are plug-ins found through ServiceLoader; the port and the DSL talk to no driver");

    @ArchTest
    static final ArchRule only_engine_modules_touch_a_driver = noClasses()
            .that(areIn("flows-core", "flows-dsl", "flows-monitor", "flows-allure", "flows-testng", "flows-demo-store", "flows-examples"))
            .should().dependOnClassesThat().resideInAnyPackage(DRIVERS)
            .because("Playwright and Selenium types stay inside flows-playwright and flows-selenium");

    @ArchTest
    static final ArchRule nothing_outside_an_engine_module_uses_an_engine = noClasses()
            .that().resideOutsideOfPackages(ENGINES)
            .should().dependOnClassesThat().resideInAnyPackage(ENGINES)
            .because("an engine is reached through the engine SPI, so a user's classpath may hold only one");

    @ArchTest
    static final ArchRule the_runner_knows_no_monitor = noClasses()
            .that().resideInAPackage("dev.flows.run..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.flows.monitor..", "dev.flows.heartbeat..",
                    "dev.flows.config..", "dev.flows.alert..", "dev.flows.check..")
            .because("a plain Java Run, the TestNG glue and the monitor share the runner; only the monitor loop knows the monitor");

    @ArchTest
    static final ArchRule core_knows_no_allure_and_no_testng = noClasses()
            .that(areIn("flows-core"))
            .should().dependOnClassesThat().resideInAnyPackage("io.qameta.allure..", "org.testng..")
            .because("reports and test frameworks attach to the runner as listeners, from their own modules");

    /**
     * No package cycles. The port ({@code dev.flows.browser}) finds its implementation ({@code dev.flows.engine.port})
     * through ServiceLoader, and that implementation talks to the engines through their SPI ({@code dev.flows.engine.spi}),
     * whose signatures use the port's values: browser <- spi <- port -> browser, one way.
     */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.flows.(**)").should().beFreeOfCycles();

    /** Classes loaded from one of these Flows modules: its {@code target/classes} in a build, or its jar. */
    private static DescribedPredicate<JavaClass> areIn(String... artifacts) {
        List<String> names = List.of(artifacts);
        return DescribedPredicate.describe("are in " + String.join(", ", names), c -> c.getSource()
                .map(source -> source.getUri().toString())
                .map(uri -> names.stream().anyMatch(a -> uri.contains("/" + moduleFolder(a) + "/target/classes/")
                        || uri.contains("/" + a + "-")))
                .orElse(false));
    }

    /** The folder of a module whose artifact id differs from it. */
    private static String moduleFolder(String artifact) {
        return switch (artifact) {
            case "flows-allure" -> "allure-config";
            case "flows-demo-store" -> "demo-store";
            case "flows-examples" -> "examples";
            default -> artifact;
        };
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
