package com.jorge.platform.worker.inbound;

import com.jorge.platform.testkit.TestSqs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DlqReplayTest {

    private static TestSqs sqs;

    @BeforeAll
    static void start() {
        sqs = TestSqs.start();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @Test
    void messagesThatExhaustedTheirRetriesLandInTheDlqAndReplayBackInOrder() throws Exception {
        String dlq = sqs.createFifoQueue("lead-events-dlq.fifo", null, 0);
        String queue = sqs.createFifoQueue("lead-events.fifo", dlq, 1);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            sqs.client().sendMessage(s -> s.queueUrl(queue).messageGroupId("loc1:ann").messageDeduplicationId("w" + n)
                    .messageBody("{\"n\":" + n + "}")
                    .messageAttributes(Map.of("eventType", MessageAttributeValue.builder().dataType("String").stringValue("InboundMessage").build())));
        }
        // a worker that keeps failing: receive without deleting until the redrive policy moves them
        long deadline = System.currentTimeMillis() + 15_000;
        while (countIn(dlq) < 3 && System.currentTimeMillis() < deadline) {
            sqs.client().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1));
            Thread.sleep(1100);
        }
        DlqReplay replay = new DlqReplay(sqs.client(), queue, dlq);
        assertThat(replay.depth()).isEqualTo(3);

        assertThat(replay.replay(100)).isEqualTo(3);

        assertThat(replay.depth()).isZero();
        List<Message> back = receiveAll(queue);
        assertThat(back).extracting(Message::body).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(back).allSatisfy(m -> {
            assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("loc1:ann");
            assertThat(m.messageAttributes().get("eventType").stringValue()).isEqualTo("InboundMessage");
        });
    }

    private static int countIn(String url) {
        return new DlqReplay(sqs.client(), url, url).depth();
    }

    private static List<Message> receiveAll(String url) {
        return sqs.drain(url);
    }
}
