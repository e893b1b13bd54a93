package com.jorge.platform.testkit;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SQS-compatible server (ElasticMQ) on loopback, with FIFO queues, for testing the platform's real
 * AWS SDK SQS client. One per test class; close it when done.
 */
public final class TestSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private TestSqs(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static TestSqs start() {
        int port = TestRedis.freePort();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        server.waitUntilStarted();
        return new TestSqs(server, port);
    }

    public SqsClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a FIFO queue (name must end in .fifo); with {@code dlqUrl}, messages move there after maxReceives. */
    public String createFifoQueue(String name, String dlqUrl, int maxReceives) {
        Map<QueueAttributeName, String> attrs = new java.util.HashMap<>();
        attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
        attrs.put(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
        if (dlqUrl != null) {
            String dlqArn = client.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            attrs.put(QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"" + maxReceives + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}");
        }
        return client.createQueue(r -> r.queueName(name).attributes(attrs)).queueUrl();
    }

    /** Receives and deletes every visible message of a queue, with all system and message attributes. */
    public List<Message> drain(String queueUrl) {
        List<Message> out = new ArrayList<>();
        while (true) {
            List<Message> batch = client.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
            if (batch.isEmpty()) return out;
            for (Message m : batch) {
                out.add(m);
                client.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
