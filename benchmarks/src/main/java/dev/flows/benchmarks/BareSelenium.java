package dev.flows.benchmarks;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The journey in plain Selenium: one ChromeDriver and Chrome for all journeys (cookies deleted between them, as
 * Selenium users do), explicit {@link WebDriverWait}s, no implicit wait.
 */
final class BareSelenium implements Variant {

    private ChromeDriver driver;

    @Override
    public String name() {
        return "bare-selenium";
    }

    static ChromeDriver chrome() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(Bench.CHROMIUM));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingAnyFreePort()
                .usingDriverExecutable(new File(Bench.CHROMEDRIVER)).withLogOutput(OutputStream.nullOutputStream()).build();
        return new ChromeDriver(service, options);
    }

    @Override
    public void start() {
        driver = chrome();
    }

    @Override
    public void journey(URI base) {
        driver.manage().deleteAllCookies();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(5));
        driver.get(base.toString());
        WebElement category = wait.until(d -> d.findElements(By.cssSelector(Shop.id("category-link"))).stream()
                .filter(e -> e.getText().strip().equals(Shop.CATEGORY)).findFirst().orElse(null));
        category.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(Shop.IN_STOCK_CARD + " " + Shop.id("product-name")))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(Shop.id("product-title")))).getText();
        driver.findElement(By.cssSelector(Shop.PRODUCT_PRICE)).getText();
        WebElement quantity = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(Shop.id("quantity"))));
        quantity.clear();
        quantity.sendKeys("2");
        driver.findElement(By.cssSelector(Shop.id("add-to-cart"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(Shop.id("cart-count")), "2"));
        driver.get(base.resolve("cart").toString());
        WebElement lineQuantity = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(Shop.id("cart-line") + " " + Shop.id("line-quantity"))));
        lineQuantity.clear();
        lineQuantity.sendKeys("1");
        driver.findElement(By.cssSelector(Shop.id("cart-line") + " " + Shop.id("line-update"))).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector(Shop.id("cart-count")), "1"));
        driver.get(base.resolve("cart").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(Shop.id("checkout-button")))).click();
        type(wait, "email", Shop.EMAIL);
        type(wait, "firstName", Shop.ADDRESS.firstName());
        type(wait, "lastName", Shop.ADDRESS.lastName());
        type(wait, "street", Shop.ADDRESS.street());
        type(wait, "postalCode", Shop.ADDRESS.postalCode());
        type(wait, "city", Shop.ADDRESS.city());
        new Select(driver.findElement(By.cssSelector(Shop.id("country")))).selectByValue(Shop.ADDRESS.country());
        driver.findElement(By.cssSelector(Shop.id("continue-to-payment"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(Shop.id("card-number"))));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(Shop.id("place-order"))));
    }

    private static void type(WebDriverWait wait, String testId, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(Shop.id(testId))));
        field.clear();
        field.sendKeys(text);
    }

    @Override
    public void close() {
        if (driver != null) {
            quit(driver);
        }
    }

    /**
     * Quits, and ends the browser if ChromeDriver left it running: its quit leaves Chromium's headless shell alive
     * (the Flows engine does the same in its {@code Chrome.quit}), and a benchmark must not leave browsers behind.
     */
    static void quit(ChromeDriver driver) {
        Object pid = driver.getCapabilities().getCapability("goog:processID");
        ProcessHandle browser = pid instanceof Number n ? ProcessHandle.of(n.longValue()).orElse(null) : null;
        List<ProcessHandle> family = browser == null ? List.of()
                : Stream.concat(Stream.of(browser), browser.descendants()).toList();
        driver.quit();
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
