package com.jorge.platform.worker.booking;

import com.jorge.platform.config.PlatformConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GHL's free slots of each calendar, kept for a short while so that a bot turn does not wait on GHL: the
 * turn runs inside the lead's database transaction, and a GHL call there (a round trip at best, the
 * client's retries through an outage at worst) would hold the transaction, a pooled connection and the
 * lead's queue group. A fresh copy is answered at once; a stale one too, while a refresh runs beside it;
 * only a calendar never read by this process (a cold Lambda) waits for GHL, at most {@code turnWait}, after
 * which the turn gets no slots and the bots ask the lead for a good time.
 *
 * <p>A slot booked since the copy was read may still be offered; booking it then meets GHL's "taken"
 * and the bots offer the next ones, as for a slot taken by anyone else.
 */
public final class FreeSlotCache {

    private static final Logger log = LoggerFactory.getLogger(FreeSlotCache.class);

    /** Reads one calendar's free slot starts from GHL, earliest first. */
    @FunctionalInterface
    public interface Source {
        List<Instant> freeSlots(String locationId, String calendarId, Instant from, Instant to);
    }

    /**
     * @param fresh how long a copy is answered without a refresh (setting {@code BOOKING_SLOTS_FRESH_SECONDS}, 60)
     * @param turnWait how long a turn waits for a calendar it has no copy of (setting {@code BOOKING_SLOTS_WAIT_MILLIS}, 1500)
     */
    public record Settings(Duration fresh, Duration turnWait) {
        public static Settings fromConfig(PlatformConfig config) {
            return new Settings(Duration.ofSeconds(config.getInt("BOOKING_SLOTS_FRESH_SECONDS", 60)),
                    Duration.ofMillis(config.getInt("BOOKING_SLOTS_WAIT_MILLIS", 1500)));
        }
    }

    private record Copy(Instant readAt, Instant from, Instant to, List<Instant> slots) {
        boolean covers(Instant a, Instant b) {
            return !from.isAfter(a) && !to.isBefore(b);
        }

        List<Instant> within(Instant a, Instant b) {
            return slots.stream().filter(s -> !s.isBefore(a) && s.isBefore(b)).toList();
        }
    }

    private final Source source;
    private final Settings settings;
    private final Clock clock;
    private final Executor executor;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Copy>> reads = new ConcurrentHashMap<>();

    public FreeSlotCache(Source source, Settings settings, Clock clock, Executor executor) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
    }

    /** Free slot starts in [{@code from}, {@code to}); empty when GHL could not answer in time. */
    public List<Instant> freeSlots(String locationId, String calendarId, Instant from, Instant to) {
        String key = locationId + "/" + calendarId;
        Copy copy = copies.get(key);
        if (copy != null && copy.covers(from, to)) {
            if (copy.readAt().plus(settings.fresh()).isBefore(clock.instant())) read(key, locationId, calendarId, from, to);
            return copy.within(from, to);
        }
        try {
            return read(key, locationId, calendarId, from, to).get(settings.turnWait().toMillis(), TimeUnit.MILLISECONDS)
                    .within(from, to);
        } catch (TimeoutException e) {
            log.warn("free slots not read within {} ms; the bot asks for a time instead", settings.turnWait().toMillis());
            return List.of();
        } catch (ExecutionException e) {
            log.warn("free slots could not be read ({}); the bot asks for a time instead",
                    e.getCause().getClass().getSimpleName());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * One read per calendar at a time. It reads the window asked for, a freshness period longer, joined with
     * the window of the fresh copy it replaces, so turns asking for different windows (a stated wish, a
     * standard offer) do not replace each other's copy read after read.
     */
    private CompletableFuture<Copy> read(String key, String locationId, String calendarId, Instant asked, Instant to) {
        return reads.compute(key, (k, running) -> {
            if (running != null && !running.isDone()) return running;
            Copy copy = copies.get(k);
            Copy before = copy != null && !copy.readAt().plus(settings.fresh()).isBefore(clock.instant()) ? copy : null; // a stale one's window is not kept, so it cannot grow for ever
            Instant from = before != null && before.from().isBefore(asked) ? before.from() : asked;
            Instant until = before != null && before.to().isAfter(to.plus(settings.fresh())) ? before.to() : to.plus(settings.fresh());
            CompletableFuture<Copy> next = CompletableFuture.supplyAsync(() -> {
                Copy read = new Copy(clock.instant(), from, until, List.copyOf(source.freeSlots(locationId, calendarId, from, until)));
                copies.put(k, read);
                return read;
            }, executor);
            next.whenComplete((done, failure) -> {
                if (failure != null && copies.containsKey(k)) {
                    log.warn("free slots not refreshed ({}); the last copy is used", failure.getClass().getSimpleName());
                }
            });
            return next;
        });
    }
}
