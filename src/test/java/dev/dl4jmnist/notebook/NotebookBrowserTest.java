package dev.dl4jmnist.notebook;

import dev.dl4jmnist.FullTier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens executed notebook pages in headless Chromium (Debian's chromium and chromium-driver) as a reader
 * would: no console errors, every picture loaded; a screenshot of each is saved under target/.
 */
@FullTier
class NotebookBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("ChromeDriver (apt-get install chromium-driver)").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")), "--window-size=1200,2400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aFreshlyExecutedNotebookShowsEveryCellAndPicture() throws IOException {
        Path source = Files.writeString(dir.resolve("showing.jsh"), NotebookRunnerTest.SHOWING);
        NotebookResult r = new NotebookRunner(NotebookObserver.NONE).run(new NotebookRequest(List.of(source), null)).get(0);

        checkPage(r.html(), Path.of("target", "notebook-browser-test.png"));
        assertThat(browser.findElements(By.cssSelector("section.cell"))).hasSize(r.cells().size());
        assertThat(browser.findElements(By.cssSelector("img.picture"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("section.markdown h1")).getText()).isEqualTo("Showing things");
    }

    @Test
    void theCommittedTutorialNotebooksOpenCleanly() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).as("executed notebooks in notebooks/").hasSizeGreaterThanOrEqualTo(8);
        for (Path page : pages) {
            String name = page.getFileName().toString().replace(".html", "");
            checkPage(page, Path.of("target", "notebook-" + name + ".png"));
        }
    }

    /** Opens the page, asserts no console errors and every image decoded, and saves a screenshot. */
    private static void checkPage(Path html, Path screenshot) throws IOException {
        browser.get(html.toAbsolutePath().toUri().toString());
        Object images = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0);");
        assertThat((List<?>) images).as("images of %s", html)
                .allSatisfy(width -> assertThat(((Number) width).intValue()).isPositive());
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).as("console errors of %s", html).isEmpty();
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        Files.copy(shot.toPath(), screenshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
