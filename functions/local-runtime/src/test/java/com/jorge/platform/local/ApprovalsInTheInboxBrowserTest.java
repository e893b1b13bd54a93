package com.jorge.platform.local;

import com.jorge.platform.testkit.OsTools;
import com.jorge.platform.worker.approvals.ApprovalOutcomes;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals end to end through the local runtime (real PostgreSQL and Redis, the real intake, queue,
 * worker, inbox and Step Functions clients, the local approval workflow, the fake GHL): two leads ask what
 * their home is worth, the location's policy holds both price opinions; the demo team lead signs in on a
 * phone-sized headless Chromium, sees both, approves one in one tap and rejects the other. The first lead
 * gets exactly the held reply, the second exactly the safe fallback, and nothing more follows.
 */
class ApprovalsInTheInboxBrowserTest {

    @Test
    void aTeamLeadApprovesOneHeldReplyAndRejectsAnotherFromThePage() throws Exception {
        Path chromium = OsTools.require(OsTools.CHROMIUM);
        Path chromedriver = OsTools.require(OsTools.CHROMEDRIVER);
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        try (ApprovalRig rig = new ApprovalRig("approvals_browser", Map.of())) {
            rig.leadTexts("c-approve", "Hi, what is my house worth?");
            rig.leadTexts("c-reject", "What would my house be worth today?");
            assertThat(rig.platform.ghl().smsTo("c-approve")).isEmpty();
            assertThat(rig.platform.ghl().smsTo("c-reject")).isEmpty();
            String approve = rig.pendingApproval("c-approve");
            String reject = rig.pendingApproval("c-reject");

            ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844");
            ChromeDriver browser = new ChromeDriver(
                    new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build(), options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(rig.url("/inbox/"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(LocalInbox.TEAM_LEAD);
                browser.findElement(By.id("password")).sendKeys(rig.platform.inbox().orElseThrow().password());
                browser.findElement(By.id("sign-in")).click();

                var approveButton = wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#approval-" + approve + " .approve")));
                assertThat(browser.findElement(By.id("approval-" + approve)).getText())
                        .contains(ApprovalRig.PRICE, "price_opinion");
                assertThat(browser.findElement(By.id("approval-" + reject)).isDisplayed()).isTrue();
                Files.write(shots.resolve("inbox-approvals.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                approveButton.click();
                wait.until(ExpectedConditions.textToBe(By.id("status"), "Approved: the bot goes ahead."));
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approval-" + approve)));

                browser.findElement(By.cssSelector("#approval-" + reject + " .reject")).click();
                var prompt = wait.until(ExpectedConditions.alertIsPresent());
                prompt.sendKeys("We never quote a price by text");
                prompt.accept();
                wait.until(ExpectedConditions.textToBe(By.id("status"), "Rejected: the lead gets the safe reply."));
                Files.write(shots.resolve("inbox-approvals-answered.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (RuntimeException | AssertionError e) {
                Files.write(shots.resolve("inbox-approvals-failed.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                throw e;
            } finally {
                browser.quit();
            }

            String fallback = ApprovalOutcomes.FallbackReplies.DEFAULT.english();
            ApprovalRig.await("both answers to reach the leads", Duration.ofSeconds(15),
                    () -> !rig.platform.ghl().smsTo("c-approve").isEmpty() && !rig.platform.ghl().smsTo("c-reject").isEmpty());
            assertThat(rig.platform.queue().awaitIdle(Duration.ofSeconds(10))).isTrue();
            Thread.sleep(2500); // a due-replies run (every 2 s) sends nothing more
            assertThat(rig.platform.ghl().smsTo("c-approve")).containsExactly(ApprovalRig.PRICE);
            assertThat(rig.platform.ghl().smsTo("c-reject")).containsExactly(fallback);
            assertThat(rig.rows("SELECT contact_id, status FROM held_actions ORDER BY contact_id"))
                    .containsExactly(List.of("c-approve", "released"), List.of("c-reject", "fell_back"));
            assertThat(rig.rows("SELECT detail ->> 'reason' FROM audit_log WHERE contact_id = 'c-reject' "
                    + "AND action = 'approval_rejected'")).containsExactly(List.of("We never quote a price by text"));
            assertThat(shots.resolve("inbox-approvals.png")).isNotEmptyFile();
        }
    }
}
