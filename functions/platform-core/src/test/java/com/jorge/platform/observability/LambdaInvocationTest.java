package com.jorge.platform.observability;

import com.amazonaws.services.lambda.runtime.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaInvocationTest {

    /** Counts flushes; the platform's metrics interface, not storage. */
    static final class FlushCounter implements PlatformMetrics {
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public void count(String metric, String dimension, long value) {}

        @Override
        public void latency(String metric, Duration duration) {}

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }
    }

    private final FlushCounter metrics = new FlushCounter();
    private final LambdaInvocation invocation = new LambdaInvocation(metrics);

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @Test
    void theRequestIdIsOnTheLogContextWhileTheBodyRunsAndGoneAfter() {
        String seen = invocation.run(context("req-1"), () -> MDC.get(LambdaInvocation.REQUEST_ID));

        assertThat(seen).isEqualTo("req-1");
        assertThat(MDC.get(LambdaInvocation.REQUEST_ID)).isNull();
        assertThat(metrics.flushes).hasValue(1);
    }

    @Test
    void idsTheBodyOpenedAndNeverClosedAreGoneAfterAThrow() {
        assertThatThrownBy(() -> invocation.run(context("req-2"), () -> {
            CorrelationIds.open("wh-1", "loc-1", "c-1"); // left open, as a body that throws midway would
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        assertThat(metrics.flushes).hasValue(1);
    }

    @Test
    void metricsAreFlushedAndIdsClearedWhenTheBodyThrowsAnError() {
        assertThatThrownBy(() -> invocation.run(context("req-3"), () -> {
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);

        assertThat(MDC.get(LambdaInvocation.REQUEST_ID)).isNull();
        assertThat(metrics.flushes).hasValue(1);
    }

    @Test
    void aCheckedExceptionOfTheBodyReachesTheHandlerUnwrapped() {
        assertThatThrownBy(() -> invocation.run(context("req-4"), () -> {
            throw new IOException("unreadable event");
        })).isInstanceOf(IOException.class).hasMessage("unreadable event");
        assertThat(metrics.flushes).hasValue(1);
    }

    @Test
    void whatTheCallerHadOnTheLogContextIsKept() {
        MDC.put("run", "local-demo");

        invocation.run(context("req-5"), () -> {
            assertThat(MDC.get("run")).isEqualTo("local-demo");
            return null;
        });

        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("run", "local-demo"));
    }

    @Test
    void noContextMeansNoRequestIdAndTheBodyStillRuns() {
        assertThat(invocation.run(null, () -> MDC.get(LambdaInvocation.REQUEST_ID))).isNull();
        assertThat(metrics.flushes).hasValue(1);
    }

    static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getRemainingTimeInMillis" -> 60_000;
                    default -> null;
                });
    }
}
