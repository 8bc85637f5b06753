package dev.dl4jmnist.training.watch;

import dev.dl4jmnist.FullTier;
import dev.dl4jmnist.TestData;
import dev.dl4jmnist.app.TrainTutorial;
import dev.dl4jmnist.app.TutorialObserver;
import dev.dl4jmnist.app.TutorialRequest;
import dev.dl4jmnist.model.MlpConfig;
import dev.dl4jmnist.training.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live page in headless Chromium (Debian's chromium and chromium-driver) while a short training runs:
 * the loss chart gains points as the run goes on, the epochs' table fills, the page ends "finished", with
 * no console errors. Leaves screenshots in target/ (during the run and after it).
 */
@FullTier
class LivePageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    @Test
    void theChartGainsPointsWhileTrainingRuns() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
        TestData.mnist();
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeDriver browser = null;
        try (WatchServer watch = WatchServer.start("127.0.0.1", 0)) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=1250,900", "--user-data-dir=" + profile);
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build(), options);
            browser.get(watch.url());

            MlpConfig config = MlpConfig.defaults().withEpochs(3).withBatchSize(32).withSeed(9);
            TutorialRequest request = new TutorialRequest(config, TestData.mnist().location().directory(), tmp.resolve("m.zip"),
                    6000, 500).withCheckpoints();
            CompletableFuture<?> training = CompletableFuture.runAsync(() -> TrainTutorial.run(request, new TutorialObserver() {
                @Override
                public void trainingEvent(TrainingEvent event) {
                    watch.accept(event);
                }
            }));

            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
            ChromeDriver b = browser;
            wait.until(d -> points(b) > 0);
            int first = points(b);
            wait.until(d -> points(b) > first + 2);
            assertThat(training).as("the points came while training ran").isNotDone();
            wait.until(d -> b.findElements(By.cssSelector("#epochs tbody tr")).size() >= 1);
            if (!training.isDone()) {
                screenshot(browser, "live-page-running.png");
            }
            training.get(5, TimeUnit.MINUTES);
            wait.until(d -> b.findElement(By.id("status")).getText().startsWith("finished: all 3 epochs done"));
            assertThat(browser.findElements(By.cssSelector("#epochs tbody tr"))).hasSize(3);
            assertThat(Integer.parseInt(browser.findElement(By.id("points")).getText())).as("training points")
                    .isGreaterThanOrEqualTo(3 * 188 / 10);
            assertThat(browser.findElement(By.id("learning-rate")).getText()).isEqualTo("0.00100");
            screenshot(browser, "live-page.png");

            // a page opened after the run shows the whole run again
            browser.navigate().refresh();
            wait.until(d -> b.findElement(By.id("status")).getText().startsWith("finished: "));
            assertThat(browser.findElements(By.cssSelector("#epochs tbody tr"))).hasSize(3);

            List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(entries).filteredOn(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .as("browser console").isEmpty();
        } finally {
            if (browser != null) {
                browser.quit();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Files.createDirectories(Path.of("target")).resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The points the loss chart has drawn. */
    private static int points(ChromeDriver browser) {
        return Integer.parseInt(browser.findElement(By.id("loss-chart")).getAttribute("data-points"));
    }
}
