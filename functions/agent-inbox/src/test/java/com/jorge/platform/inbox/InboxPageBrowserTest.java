package com.jorge.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.MutableClock;
import com.jorge.platform.testkit.OsTools;
import com.jorge.platform.testkit.TestRedis;
import com.jorge.platform.worker.WorkerTestRig;
import com.jorge.platform.worker.policy.StarterQualificationPolicy;
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
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent on a phone (headless Chromium, 390 px wide): logs in with a test user of the local pool, sees
 * the hot lead offered to them, reads its reasons, accepts in one tap. The Step Functions stand-in then
 * does what hot-lead-handoff does after an accept (its RecordHandoff state: the {@code handoff.accepted}
 * message to the worker), and the real worker assigns the contact in the fake GHL API.
 */
class InboxPageBrowserTest {

    @Test
    void anAgentLogsInSeesTheOfferAndAcceptsItInOneTap() throws Exception {
        Path chromium = OsTools.require(OsTools.CHROMIUM);
        Path chromedriver = OsTools.require(OsTools.CHROMEDRIVER);
        try (InboxRig rig = new InboxRig("inbox-browser");
             WorkerTestRig worker = new WorkerTestRig(new StarterQualificationPolicy(),
                     new MutableClock(Instant.parse("2026-12-05T15:00:00Z")), TestRedis.standaloneUrl());
             TestGateway gateway = new TestGateway(e -> rig.call(e))) {
            rig.person("agent", "agent-7", "loc-a");
            LeadRef lead = rig.lead("loc-a", "c-browser");
            String offerId = rig.offer(lead, "agent-7")[0];
            rig.sfn.onAnswer(call -> {
                JsonNode output = read(call.body().path("output").asText("{}"));
                worker.worker.messages().process(PlatformJson.mapper().createObjectNode()
                        .put("type", "handoff.accepted").put("contactId", lead.contactId())
                        .put("locationId", lead.locationId()).put("agentId", output.path("agentId").asText())
                        .put("execution", "arn:aws:states:us-east-1:111122223333:execution:jorge-hot-lead-handoff:ho-browser")
                        .toString(), "handoff.accepted", 0);
            });

            ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(gateway.url("/inbox/").toString());
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("agent-7@team.example");
                browser.findElement(By.id("password")).sendKeys("pw-agent-7");
                browser.findElement(By.id("sign-in")).click();

                var accept = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#offer-" + offerId + " .accept")));
                assertThat(browser.findElement(By.id("offer-" + offerId)).getText()).contains("pre-approved buyer, 30 days");
                Path shots = Files.createDirectories(Path.of("target", "screenshots"));
                Files.write(shots.resolve("inbox-offer.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                accept.click();

                wait.until(ExpectedConditions.textToBe(By.id("status"), "The lead is yours."));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-reasons"), "selling within 30 days"));
                assertThat(browser.findElement(By.id("transcript")).getText()).contains("I want to sell my house in 30 days");
                Files.write(shots.resolve("inbox-accepted.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (RuntimeException | AssertionError e) {
                Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("inbox-failed.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                throw e;
            } finally {
                browser.quit();
            }

            assertThat(rig.sfn.calls()).singleElement().satisfies(c -> assertThat(c.action()).isEqualTo("SendTaskSuccess"));
            assertThat(worker.ghl.calls()).anySatisfy(c -> {
                assertThat(c.method()).isEqualTo("PUT");
                assertThat(c.path()).contains("/contacts/c-browser");
                assertThat(c.body().path("assignedTo").asText()).isEqualTo("agent-7");
            });
            assertThat(Path.of("target", "screenshots", "inbox-accepted.png")).isNotEmptyFile();
        }
    }

    private static JsonNode read(String text) {
        try {
            return PlatformJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
