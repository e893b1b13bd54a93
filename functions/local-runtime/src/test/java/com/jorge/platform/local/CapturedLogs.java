package com.jorge.platform.local;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every line a run logs, in the JSON layout Lambda uses, for the tests that scan a whole run's log: the
 * platform's own lines down to DEBUG (stricter than Lambda's INFO), kept off the console, and the
 * libraries' at the root logger's level.
 */
final class CapturedLogs implements AutoCloseable {

    private static final String PLATFORM_LOGGER = "com.jorge.platform";

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final String name;
    private final AbstractAppender appender;
    private final Level previousLevel;

    CapturedLogs(String name) {
        this.name = name;
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        JsonTemplateLayout layout = JsonTemplateLayout.newBuilder().setConfiguration(context.getConfiguration())
                .setEventTemplateUri("classpath:JorgeLogLayout.json").build();
        appender = new AbstractAppender(name, null, layout, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        LoggerConfig platformLogs = config.getLoggerConfig(PLATFORM_LOGGER);
        if (!platformLogs.getName().equals(PLATFORM_LOGGER)) {
            platformLogs = new LoggerConfig(PLATFORM_LOGGER, Level.DEBUG, false);
            config.addLogger(PLATFORM_LOGGER, platformLogs);
        }
        previousLevel = platformLogs.getLevel();
        platformLogs.setLevel(Level.DEBUG);
        platformLogs.setAdditive(false);
        platformLogs.addAppender(appender, Level.ALL, null);
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig platformLogs = config.getLoggerConfig(PLATFORM_LOGGER);
        platformLogs.removeAppender(name);
        platformLogs.setLevel(previousLevel);
        platformLogs.setAdditive(true);
        config.getRootLogger().removeAppender(name);
        context.updateLoggers();
        appender.stop();
    }
}
