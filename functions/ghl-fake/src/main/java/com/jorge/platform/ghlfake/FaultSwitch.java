package com.jorge.platform.ghlfake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults switched on in the fake GHL API: each for a duration or until cleared, for every route or
 * only some. A route is a path prefix ({@code /conversations/messages}), optionally after a method
 * ({@code POST /conversations/messages}). The newest matching fault wins.
 */
public final class FaultSwitch {

    /** One switched-on fault; {@code untilNanos} is {@link Long#MAX_VALUE} when it lasts until cleared. */
    public record Active(GhlFault fault, long untilNanos, List<String> routes) {

        boolean matches(String method, String path, long now) {
            if (now >= untilNanos) return false;
            if (routes.isEmpty()) return true;
            for (String route : routes) {
                int space = route.indexOf(' ');
                String routeMethod = space < 0 ? null : route.substring(0, space);
                String prefix = space < 0 ? route : route.substring(space + 1);
                if ((routeMethod == null || routeMethod.equalsIgnoreCase(method)) && path.startsWith(prefix)) return true;
            }
            return false;
        }

        /** Nanoseconds left, {@link Long#MAX_VALUE} when it lasts until cleared. */
        public long remainingNanos(long now) {
            return untilNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, untilNanos - now);
        }
    }

    private final List<Active> active = new CopyOnWriteArrayList<>();

    /** Switches {@code fault} on for {@code duration} (null: until {@link #clear()}) on {@code routes} (empty: all). */
    public void inject(GhlFault fault, Duration duration, List<String> routes) {
        long until = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        active.add(new Active(fault, until, List.copyOf(routes)));
    }

    /** Switches {@code fault} on for every route until cleared. */
    public void inject(GhlFault fault) {
        inject(fault, null, List.of());
    }

    public void clear() {
        active.clear();
    }

    /** The faults still in force. */
    public List<Active> active() {
        long now = System.nanoTime();
        active.removeIf(a -> a.remainingNanos(now) == 0);
        return List.copyOf(active);
    }

    Optional<Active> forCall(String method, String path) {
        long now = System.nanoTime();
        List<Active> current = active;
        for (int i = current.size() - 1; i >= 0; i--) {
            Active a = current.get(i);
            if (a.matches(method, path, now)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** True while {@code a} is still switched on (not expired, not cleared). */
    boolean stillOn(Active a) {
        return a.remainingNanos(System.nanoTime()) > 0 && active.contains(a);
    }
}
