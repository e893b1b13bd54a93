package com.jorge.platform.inbox;

import com.jorge.platform.testkit.OsTools;
import com.jorge.platform.testkit.TestSqs;
import com.jorge.platform.worker.ColdLeadSeeds;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team lead on a phone (headless Chromium, 390 px wide) re-engages the location's cold leads: previews (how many,
 * the text), taps send once, and the batch's two messages are on lead-events.fifo (a real FIFO queue); an agent of
 * the same location never sees the control.
 */
class ReEngagementPageBrowserTest {

    private static final String[] CREDENTIALS = {"aws.region", "us-east-1", "aws.accessKeyId", "AKIDTEST",
            "aws.secretAccessKey", "test-secret"};

    @Test
    void aTeamLeadPreviewsThenSendsAndTheLeadsAreQueued() throws Exception {
        Path chromium = OsTools.require(OsTools.CHROMIUM);
        Path chromedriver = OsTools.require(OsTools.CHROMEDRIVER);
        for (int i = 0; i < CREDENTIALS.length; i += 2) System.setProperty(CREDENTIALS[i], CREDENTIALS[i + 1]);
        try (TestSqs sqs = TestSqs.start()) {
            String queueUrl = sqs.createFifoQueue("lead-events-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo", null, 5);
            try (InboxRig rig = new InboxRig("inbox-reengage-page", Map.of("LEAD_EVENTS_QUEUE_URL", queueUrl,
                    "SQS_ENDPOINT", sqs.endpoint().toString()));
                 TestGateway gateway = new TestGateway(e -> rig.call(e))) {
                rig.person("team_lead", "lead-1", "loc-a");
                rig.person("agent", "agent-7", "loc-a");
                try (Connection c = rig.schema.connect()) {
                    ColdLeadSeeds.lead(c, "loc-a", "c-cold-1", "seller", "en", "nurture", "COLD",
                            rig.clock.instant().minus(Duration.ofDays(60)));
                    ColdLeadSeeds.lead(c, "loc-a", "c-cold-2", "buyer", "es", "closed", "COLD",
                            rig.clock.instant().minus(Duration.ofDays(90)));
                }
                ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844");
                ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
                ChromeDriver browser = new ChromeDriver(service, options);
                Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                try {
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                    browser.get(gateway.url("/inbox/").toString());
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("lead-1@team.example");
                    browser.findElement(By.id("password")).sendKeys("pw-lead-1");
                    browser.findElement(By.id("sign-in")).click();

                    wait.until(ExpectedConditions.elementToBeClickable(By.id("reengage-preview"))).click();
                    wait.until(ExpectedConditions.textToBe(By.id("reengage-count"), "2 cold leads"));
                    assertThat(browser.findElement(By.id("reengage-result")).getText()).contains("sell");
                    Files.write(shots.resolve("inbox-reengage-preview.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    long stored = rig.db.inTransaction(c -> count(c, "SELECT count(*) FROM reengagement_batches"));
                    assertThat(stored).as("a preview stores nothing").isZero();

                    browser.findElement(By.id("reengage-send")).click();
                    wait.until(ExpectedConditions.textToBe(By.id("status"), "Queued: 2 texts, each in the lead's language."));
                    Files.write(shots.resolve("inbox-reengage-sent.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

                    // an agent of the same location gets no such control
                    browser.executeScript("sessionStorage.clear()");
                    browser.get(gateway.url("/inbox/").toString());
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("agent-7@team.example");
                    browser.findElement(By.id("password")).sendKeys("pw-agent-7");
                    browser.findElement(By.id("sign-in")).click();
                    wait.until(ExpectedConditions.textToBe(By.id("who"), "agent"));
                    assertThat(browser.findElement(By.id("reengage")).isDisplayed()).isFalse();
                } catch (RuntimeException | AssertionError e) {
                    Files.write(shots.resolve("inbox-reengage-failed.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    throw e;
                } finally {
                    browser.quit();
                }
                long batches = rig.db.inTransaction(c -> count(c, "SELECT count(*) FROM reengagement_batches WHERE status = 'queued'"));
                assertThat(batches).isEqualTo(1);
                int queued = 0;
                while (true) {
                    var got = sqs.client().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
                    if (got.isEmpty()) break;
                    queued += got.size();
                    got.forEach(m -> sqs.client().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
                }
                assertThat(queued).isEqualTo(2);
                assertThat(Path.of("target", "screenshots", "inbox-reengage-sent.png")).isNotEmptyFile();
            }
        } finally {
            for (int i = 0; i < CREDENTIALS.length; i += 2) System.clearProperty(CREDENTIALS[i]);
        }
    }

    private static long count(Connection c, String sql) throws java.sql.SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
