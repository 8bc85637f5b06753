package dev.dl4jmnist.server;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drawing page in headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * strokes drawn with the mouse are read as digits, an uploaded photo too, with no console errors.
 * Leaves screenshots in target/ to look at.
 */
@FullTier
class DrawingPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static PredictionServer server;
    static ChromeDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        server = PredictionServer.start(ServedModels.loaded(TestModels.quickModelPath()),
                new PredictionServer.Options("127.0.0.1", 0, 10 << 20, false));
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1000,800", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void strokesOnThePadAreReadAsDigits() throws IOException {
        browser.get(server.url());
        WebElement pad = browser.findElement(By.id("pad"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("model"), "loading…")));
        assertThat(browser.findElement(By.id("model")).getText()).startsWith("mnist version 1 (mlp): quick-1-epoch.zip");
        assertThat(browser.findElement(By.id("seen-frame")).isDisplayed()).as("an empty frame before the first stroke").isTrue();
        assertThat(browser.findElement(By.id("preprocessed")).isDisplayed()).as("no broken-image icon").isFalse();

        // a vertical stroke: a 1
        Actions one = new Actions(browser).moveToElement(pad, 0, -90).clickAndHold();
        for (int i = 0; i < 9; i++) {
            one.moveByOffset(0, 20);
        }
        one.release().perform();
        wait.until(ExpectedConditions.textMatches(By.id("prediction"), java.util.regex.Pattern.compile("\\d")));
        assertThat(browser.findElement(By.id("prediction")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("#probabilities li"))).hasSize(10);
        assertThat(browser.findElement(By.id("preprocessed")).getAttribute("src")).startsWith("data:image/png;base64,");
        screenshot("serve-page-one.png");

        // clear, then a closed loop: a 0
        browser.findElement(By.id("clear")).click();
        assertThat(browser.findElement(By.id("prediction")).getText()).isEqualTo("–");
        Actions zero = new Actions(browser).moveToElement(pad, 0, -85).clickAndHold();
        int x = 0;
        int y = -85;
        for (int i = 1; i <= 36; i++) {
            double a = 2 * Math.PI * i / 36;
            int nx = (int) Math.round(55 * Math.sin(a));
            int ny = (int) Math.round(-85 * Math.cos(a));
            zero.moveByOffset(nx - x, ny - y);
            x = nx;
            y = ny;
        }
        zero.release().perform();
        wait.until(ExpectedConditions.textMatches(By.id("prediction"), java.util.regex.Pattern.compile("\\d")));
        assertThat(browser.findElement(By.id("prediction")).getText()).isEqualTo("0");
        screenshot("serve-page-zero.png");

        assertNoConsoleErrors();
    }

    /** A model store of two models: the picker lists each version, and the chosen model answers. */
    @Test
    void theModelPickerChoosesTheModelThatAnswers(@org.junit.jupiter.api.io.TempDir Path store) throws IOException {
        Files.copy(TestModels.quickModelPath(), ModelFixtures.slot(store, "mnist", 1, "quick.zip"));
        Files.copy(Path.of("models/keras/keras-3.11.3-torch-convnet/trained_model.h5"), ModelFixtures.slot(store, "convnet", 3, "trained_model.h5"));
        try (PredictionServer two = PredictionServer.start(ServedModels.store(store),
                new PredictionServer.Options("127.0.0.1", 0, 10 << 20, false))) {
            browser.get(two.url());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("model"), "loading…")));
            org.openqa.selenium.support.ui.Select picker = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("model-picker")));
            assertThat(picker.getOptions().stream().map(WebElement::getText).toList()).containsExactly("convnet v3 (cnn)", "mnist v1 (mlp)");
            assertThat(picker.getFirstSelectedOption().getText()).as("the default model, the first name").isEqualTo("convnet v3 (cnn)");
            picker.selectByVisibleText("mnist v1 (mlp)");
            assertThat(browser.findElement(By.id("model")).getText()).startsWith("mnist version 1 (mlp): quick.zip");
            picker.selectByVisibleText("convnet v3 (cnn)");
            assertThat(browser.findElement(By.id("model")).getText()).startsWith("convnet version 3 (cnn): trained_model.h5");
            WebElement pad = browser.findElement(By.id("pad"));
            Actions one = new Actions(browser).moveToElement(pad, 0, -90).clickAndHold();
            for (int i = 0; i < 9; i++) {
                one.moveByOffset(0, 20);
            }
            one.release().perform();
            wait.until(ExpectedConditions.textMatches(By.id("prediction"), java.util.regex.Pattern.compile("\\d")));
            assertThat(browser.findElement(By.id("prediction")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("preprocessed")).isDisplayed()).isTrue();
            screenshot("serve-page-picker.png");
            assertThat(two.port()).isPositive();
        }
        assertNoConsoleErrors();
    }

    @Test
    void anUploadedPhotoIsRead() throws IOException {
        browser.get(server.url());
        Path photo = Files.createTempFile("seven-", ".png");
        try {
            Files.write(photo, DrawnDigits.mnist(TestData.mnist().testImages(), 0));     // MNIST's first test digit, a 7
            browser.findElement(By.id("upload")).sendKeys(photo.toString());
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textMatches(By.id("prediction"), java.util.regex.Pattern.compile("\\d")));
            assertThat(browser.findElement(By.id("prediction")).getText()).isEqualTo("7");
            assertThat(browser.findElement(By.id("top3")).getText()).startsWith("Most likely: 7: ").matches("Most likely: (\\d: \\d+\\.\\d%(, )?){3}");
            assertThat(browser.findElement(By.id("confidence")).getText()).as("the test model is uncalibrated").endsWith("(uncalibrated)");
        } finally {
            Files.deleteIfExists(photo);
        }
        assertNoConsoleErrors();
    }

    @Test
    void aBlankPageIsNotADigitInPlainWords() throws IOException {
        browser.get(server.url());
        Path blank = Files.createTempFile("blank-", ".png");
        try {
            Files.write(blank, DrawnDigits.png(new java.awt.image.BufferedImage(280, 280, java.awt.image.BufferedImage.TYPE_INT_RGB)));
            browser.findElement(By.id("upload")).sendKeys(blank.toString());
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.textToBe(By.id("prediction"), "not a digit"));
            assertThat(browser.findElement(By.id("confidence")).getText())
                    .isEqualTo("no digit found: the image is blank (no ink stands out from the background)");
            assertThat(browser.findElement(By.id("top3")).getText()).isEmpty();
            assertThat(browser.findElement(By.id("status")).getText()).isEmpty();
        } finally {
            Files.deleteIfExists(blank);
        }
        assertNoConsoleErrors();
    }

    private static void assertNoConsoleErrors() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries).filteredOn(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .as("browser console").isEmpty();
    }

    private static void screenshot(String name) throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
