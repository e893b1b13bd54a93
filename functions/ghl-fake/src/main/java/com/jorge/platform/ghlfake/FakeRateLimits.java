package com.jorge.platform.ghlfake;

import com.sun.net.httpserver.Headers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GHL's burst limit as its answers show it (oauth/Authorization.md): {@code max} requests per
 * {@code interval} for each caller (GHL counts per app and location; the fake counts per bearer token,
 * which is one location's), every answer carrying {@code X-RateLimit-Max}, {@code -Remaining},
 * {@code -Interval-Milliseconds}, {@code -Limit-Daily} and {@code -Daily-Remaining}, and a request over
 * the limit answered 429. The window is fixed, starting at a caller's first request in it.
 */
public final class FakeRateLimits {

    private static final int DAILY = 200_000;

    private record Window(long startNanos, int used, int usedToday) {}

    private final Map<String, Window> windows = new HashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int max;
    private volatile long intervalNanos;

    /** From now on at most {@code max} requests per {@code interval} per bearer token. */
    public synchronized void enforce(int max, Duration interval) {
        this.max = max;
        this.intervalNanos = interval.toNanos();
        windows.clear();
    }

    /** Requests answered 429 because they were over the limit. */
    public int refused() {
        return refused.get();
    }

    /** Counts the request and adds the headers; false when it is over the limit (answer 429). */
    synchronized boolean admit(String authorization, Headers response) {
        if (max == 0) return true;
        long now = System.nanoTime();
        Window w = windows.get(authorization);
        if (w == null || now - w.startNanos() >= intervalNanos) {
            w = new Window(now, 0, w == null ? 0 : w.usedToday());
        }
        boolean admitted = w.used() < max;
        if (admitted) w = new Window(w.startNanos(), w.used() + 1, w.usedToday() + 1);
        windows.put(authorization, w);
        response.add("X-RateLimit-Max", Integer.toString(max));
        response.add("X-RateLimit-Remaining", Integer.toString(max - w.used()));
        response.add("X-RateLimit-Interval-Milliseconds", Long.toString(Duration.ofNanos(intervalNanos).toMillis()));
        response.add("X-RateLimit-Limit-Daily", Integer.toString(DAILY));
        response.add("X-RateLimit-Daily-Remaining", Integer.toString(DAILY - w.usedToday()));
        if (!admitted) refused.incrementAndGet();
        return admitted;
    }
}
