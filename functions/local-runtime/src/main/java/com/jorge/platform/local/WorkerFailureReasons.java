package com.jorge.platform.local;

import com.jorge.platform.worker.lambda.BotWorkerHandler;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why the worker failed a message, as its handler reports it: the only account it gives is its log line
 * ("event failed and will be retried (message {id}, group {group})" with the error), so this listens on
 * that logger and keeps, per message id, the error's class names and SQLState until the local queue takes
 * them for its dead letters (SQS's DLQ keeps no reason; in AWS the same line is found by message id).
 * Never an exception's message: a database error may quote the lead's text.
 */
public final class WorkerFailureReasons {

    private static final String HANDLER_LOGGER = BotWorkerHandler.class.getName();
    private static volatile WorkerFailureReasons shared;

    private final Map<String, String> byMessage = new ConcurrentHashMap<>();

    private WorkerFailureReasons() {}

    /** The one listener of this JVM, attached on first use; empty forever when log4j is not the logging backend. */
    public static WorkerFailureReasons shared() {
        WorkerFailureReasons r = shared;
        if (r != null) return r;
        synchronized (WorkerFailureReasons.class) {
            if (shared == null) {
                WorkerFailureReasons created = new WorkerFailureReasons();
                created.attach();
                shared = created;
            }
            return shared;
        }
    }

    /** The reason of this message's latest failure, removed; null when the worker logged none for it. */
    public String take(String messageId) {
        return byMessage.remove(messageId);
    }

    /** The error's class, its root cause's class and the first SQLState in the chain: what failed, without data. */
    public static String describe(Throwable error) {
        Throwable root = error;
        String sqlState = null;
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            root = t;
            if (sqlState == null && t instanceof SQLException s && s.getSQLState() != null) sqlState = s.getSQLState();
        }
        String reason = error.getClass().getName();
        if (root != error) reason += " caused by " + root.getClass().getName();
        return sqlState == null ? reason : reason + " (SQLState " + sqlState + ")";
    }

    void record(String messageId, Throwable error) {
        byMessage.put(messageId, describe(error));
    }

    private void attach() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) return;
        Configuration config = context.getConfiguration();
        AbstractAppender appender = new AbstractAppender("worker-failure-reasons", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                Object[] params = event.getMessage().getParameters();
                String format = event.getMessage().getFormat();
                if (event.getThrown() != null && params != null && params.length > 0 && params[0] != null
                        && format != null && format.startsWith("event failed")) {
                    record(params[0].toString(), event.getThrown());
                }
            }
        };
        appender.start();
        config.addAppender(appender);
        LoggerConfig handler = config.getLoggerConfig(HANDLER_LOGGER);
        if (!handler.getName().equals(HANDLER_LOGGER)) { // its own config, at the level it had, still logging to the file
            handler = LoggerConfig.newBuilder().withLoggerName(HANDLER_LOGGER).withLevel(handler.getLevel())
                    .withAdditivity(true).withConfig(config).build();
            config.addLogger(HANDLER_LOGGER, handler);
        }
        handler.addAppender(appender, Level.ERROR, null);
        context.updateLoggers();
    }
}
