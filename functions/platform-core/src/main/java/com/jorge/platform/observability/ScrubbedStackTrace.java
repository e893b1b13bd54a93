package com.jorge.platform.observability;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A throwable written out as {@link Throwable#printStackTrace()} would, causes, suppressed and a
 * JDBC driver's chained next exceptions included, with every message passed through
 * {@link LogScrubber}: a stack trace carries what the database or a parser echoed from the input.
 */
public final class ScrubbedStackTrace {

    /** Deep enough for a driver wrapped in a pool wrapped in our storage layer, short of a pathological chain. */
    private static final int MAX_DEPTH = 16;

    private ScrubbedStackTrace() {}

    public static String render(Throwable thrown) {
        StringBuilder out = new StringBuilder(2_048);
        append(out, thrown, "", "", Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return out.toString();
    }

    /** The throwable's class and scrubbed message, as the first line of its stack trace. */
    public static String headline(Throwable thrown) {
        String message = LogScrubber.scrub(thrown.getMessage());
        return message == null ? thrown.getClass().getName() : thrown.getClass().getName() + ": " + message;
    }

    /** The SQLState of the first SQL exception in the chain, or null. */
    public static String sqlState(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static void append(StringBuilder out, Throwable t, String caption, String indent, Set<Throwable> seen, int depth) {
        if (!seen.add(t)) {
            out.append(indent).append(caption).append("[CIRCULAR REFERENCE: ").append(t.getClass().getName()).append("]\n");
            return;
        }
        out.append(indent).append(caption).append(headline(t)).append('\n');
        for (StackTraceElement frame : t.getStackTrace()) {
            out.append(indent).append("\tat ").append(frame).append('\n');
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            append(out, suppressed, "Suppressed: ", indent + "\t", seen, depth + 1);
        }
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != t.getCause()) {
            append(out, sql.getNextException(), "Next: ", indent, seen, depth + 1);
        }
        if (t.getCause() != null) {
            append(out, t.getCause(), "Caused by: ", indent, seen, depth + 1);
        }
    }
}
