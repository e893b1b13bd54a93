package com.jorge.platform.worker.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.observability.EmfMetrics;
import com.jorge.platform.observability.LambdaInvocation;
import com.jorge.platform.worker.inbound.DlqReplay;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;

/**
 * λ dlq-replay, invoked by ops: {@code aws lambda invoke --function-name <dlq-replay> --payload '{"max":100}' out.json}.
 * Also runnable from a shell with the same environment: {@code java -cp bot-worker-lambda.jar
 * com.jorge.platform.worker.lambda.DlqReplayHandler 100}.
 */
public final class DlqReplayHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DlqReplay replay;
    private final LambdaInvocation invocation = new LambdaInvocation(new EmfMetrics());

    public DlqReplayHandler() {
        PlatformConfig config = PlatformConfig.fromEnvironment();
        this.replay = new DlqReplay(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                config.require("LEAD_EVENTS_QUEUE_URL"), config.require("LEAD_EVENTS_DLQ_URL"));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        int max = input != null && input.get("max") instanceof Number n ? n.intValue() : 100;
        return invocation.run(context, () -> {
            int before = replay.depth();
            int moved = replay.replay(max);
            return Map.of("replayed", moved, "dlqDepthBefore", before);
        });
    }

    public static void main(String[] args) {
        int max = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println(new DlqReplayHandler().handleRequest(Map.of("max", max), null));
    }
}
