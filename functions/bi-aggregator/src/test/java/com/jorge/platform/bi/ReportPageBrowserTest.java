package com.jorge.platform.bi;

import com.jorge.platform.bi.page.ReportPage;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.storage.AuditLog;
import com.jorge.platform.testkit.OsTools;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page as Jorge's phone shows it: the seeded month rendered, opened from a file (nothing else to
 * fetch) in headless Chromium at 390 x 844; no console error, every chart drawn with data, nothing wider than
 * the screen, an agent id that is markup shown as text. The screenshot is saved to target/screenshots.
 */
class ReportPageBrowserTest extends BiStoreTest {

    @Test
    void theSeededMonthRendersOnAPhoneWithEveryChartDrawn() throws Exception {
        Path chromium = OsTools.require(OsTools.CHROMIUM);
        Path chromedriver = OsTools.require(OsTools.CHROMEDRIVER);
        BiTestRig rig = SampleLocation.rig(store);
        SampleLocation.seed(rig);
        // an agent id GHL let someone type markup into: it must read as text, never run
        LeadRef hostile = rig.lead(SampleLocation.LOC, "c-hostile", com.jorge.platform.conversation.BotType.SELLER, Instant.parse("2026-03-19T10:00:00Z"));
        rig.handOff(hostile, Instant.parse("2026-03-19T10:01:00Z"));
        rig.audit(hostile, AuditLog.Actor.HUMAN, "handoff_accepted", Map.of("agentId", "<img src=x onerror=alert(1)>"), Instant.parse("2026-03-19T10:03:00Z"));

        BiReport report = rig.reports.report(SampleLocation.LOC, SampleLocation.FROM, SampleLocation.TO);
        String html = ReportPage.render(report, Instant.parse("2026-03-20T18:00:00Z"));
        assertThat(html).doesNotContain("<script", "http://", "https://", "<img");
        Path page = Files.createDirectories(Path.of("target", "report")).resolve("bi-report.html").toAbsolutePath();
        Files.writeString(page, html);

        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build(), options);
        try {
            browser.get(page.toUri().toString());
            List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
            assertThat(charts).extracting(c -> c.getDomAttribute("data-chart")).contains("pipeline-stages", "commission-split",
                    "attribution-first_touch", "attribution-last_touch", "attribution-linear", "attribution-position_based",
                    "attribution-time_decay", "funnel", "bot-rates", "agent-handoffs", "agent-predicted", "experiment-greeting");
            for (WebElement chart : charts) {
                String name = chart.getDomAttribute("data-chart");
                assertThat(chart.getRect().getWidth()).as(name + " is laid out").isGreaterThan(200);
                List<WebElement> marks = chart.findElements(By.cssSelector(".bar, .interval"));
                assertThat(marks).as(name + " draws its points").hasSize(Integer.parseInt(chart.getDomAttribute("data-points")));
                assertThat(marks).as(name + " has data").anySatisfy(m -> assertThat(m.getRect().getWidth()).isGreaterThan(2));
            }
            JavascriptExecutor js = browser;
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("nothing wider than the phone").isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).intValue());
            assertThat(browser.findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.findElement(By.id("agents")).getText()).contains("<img src=x onerror=alert(1)>", "agent-a", "agent-b");
            assertThat(browser.findElement(By.id("funnel")).getText()).contains("new leads");
            assertThat(((Number) js.executeScript("return performance.getEntriesByType('resource').length")).intValue())
                    .as("nothing fetched at view time").isZero();
            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(l -> l.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertThat(errors).as("console errors").isEmpty();

            long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
            browser.manage().window().setSize(new Dimension(390, (int) Math.min(height + 120, 8000)));
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve("bi-report-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(shots.resolve("bi-report-phone.png")).isNotEmptyFile();
        } catch (RuntimeException | AssertionError e) {
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("bi-report-failed.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw e;
        } finally {
            browser.quit();
        }
    }
}
