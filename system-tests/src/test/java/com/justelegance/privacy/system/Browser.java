package com.justelegance.privacy.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the console's tests: Debian's headless chromium, driven by Selenium through Debian's
 * chromedriver (both installed by {@code ./stack test}). Each instance is a fresh profile, so a fresh set of cookies:
 * one person at their own computer. Chromium runs with the background-networking features off, because this
 * machine's network is closed and chromium would otherwise keep trying to reach Google's hosts.
 *
 * <p>{@link #screenshot} keeps a picture of the page in {@code target/screenshots/}; the ones in
 * {@code docs/screenshots/} are copied from there.
 */
public final class Browser implements AutoCloseable {

    /** Where Debian puts them; {@code CHROMIUM} and {@code CHROMEDRIVER} override. */
    private static final String CHROMIUM = env("CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    public Browser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** From now on every request carries the Global Privacy Control signal ({@code Sec-GPC: 1}), as a browser with
     * it switched on sends it. */
    public void sendGlobalPrivacyControl() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
    }

    public void open(String url) {
        driver.get(url);
    }

    public String title() {
        return driver.getTitle();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    /** Types into the field with this id (its label's {@code for}), replacing what was there. */
    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Picks a radio button or checkbox by its value within a field name. */
    public Browser choose(String name, String value) {
        find("input[name='" + name + "'][value='" + value + "']").click();
        return this;
    }

    /** Clicks something that does not leave the page (a radio button, a disclosure). */
    public void click(String css) {
        find(css).click();
    }

    /** Clicks a link or a form's button and waits until the next page has replaced this one. */
    public void submit(String css) {
        navigate(find(css));
    }

    /** Clicks the button whose text contains these words and waits for the next page. */
    public void press(String words) {
        navigate(driver.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(button -> button.isDisplayed() && button.getText().contains(words))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + words + "' on " + url())));
    }

    private void navigate(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> isReplaced(page));
    }

    /**
     * Whether an element's document has been replaced. Selenium's {@code stalenessOf} knows only the stale-element
     * error; Chrome (156) may instead answer, for a node of a document being replaced, "Node with given id does not
     * belong to the document", which failed a CI run while the next page was loading.
     */
    private static boolean isReplaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Signs a staff member in through the sign-in form. */
    public void signIn(String consoleUrl, String name, String password) {
        open(consoleUrl + "/console/sign-in");
        type("j_username", name).type("j_password", password);
        press("Sign in");
    }

    /** Runs a script in the page (a forged request, say) and returns what it returns. */
    public Object script(String javascript, Object... arguments) {
        return driver.executeAsyncScript(javascript, arguments);
    }

    /** Keeps a picture of the whole page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return Math.max(document.body.scrollHeight, 800)");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 40, 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
