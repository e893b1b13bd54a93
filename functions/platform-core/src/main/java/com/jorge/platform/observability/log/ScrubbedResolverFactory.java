package com.jorge.platform.observability.log;

import com.jorge.platform.observability.LogScrubber;
import com.jorge.platform.observability.ScrubbedStackTrace;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolver;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverContext;
import org.apache.logging.log4j.layout.template.json.resolver.EventResolverFactory;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolver;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverConfig;
import org.apache.logging.log4j.layout.template.json.resolver.TemplateResolverFactory;
import org.apache.logging.log4j.layout.template.json.util.JsonWriter;

import java.util.function.Function;

/**
 * The JSON template layout's {@code "$resolver": "scrubbed"}: the log message and the exception's
 * message and stack trace (causes, suppressed, SQL next exceptions) passed through
 * {@link LogScrubber}, the exception's class name and its SQLState. Fields:
 * {@code message}, {@code className}, {@code errorMessage}, {@code stackTrace}, {@code sqlState}.
 * A field with nothing to show (no exception, no SQLState) is left out of the line.
 */
@Plugin(name = "ScrubbedResolverFactory", category = TemplateResolverFactory.CATEGORY)
public final class ScrubbedResolverFactory implements EventResolverFactory {

    private static final ScrubbedResolverFactory INSTANCE = new ScrubbedResolverFactory();

    private ScrubbedResolverFactory() {}

    @PluginFactory
    public static ScrubbedResolverFactory getInstance() {
        return INSTANCE;
    }

    @Override
    public String getName() {
        return "scrubbed";
    }

    @Override
    public TemplateResolver<LogEvent> create(EventResolverContext context, TemplateResolverConfig config) {
        String field = config.getString("field");
        return switch (field) {
            case "message" -> new Resolver(event -> LogScrubber.scrub(event.getMessage().getFormattedMessage()), false, false);
            case "className" -> new Resolver(event -> event.getThrown().getClass().getName(), true, false);
            case "errorMessage" -> new Resolver(event -> LogScrubber.scrub(event.getThrown().getMessage()), true, true);
            case "stackTrace" -> new Resolver(event -> ScrubbedStackTrace.render(event.getThrown()), true, false);
            case "sqlState" -> new Resolver(event -> ScrubbedStackTrace.sqlState(event.getThrown()), true, true);
            case null, default -> throw new IllegalArgumentException("scrubbed resolver: unknown field " + field
                    + " (message, className, errorMessage, stackTrace, sqlState)");
        };
    }

    /** {@code mayBeAbsent}: the value can be null with an exception present (no message, no SQLState); then the field is left out. */
    private record Resolver(Function<LogEvent, String> value, boolean needsThrown, boolean mayBeAbsent) implements EventResolver {

        @Override
        public boolean isResolvable(LogEvent event) {
            if (needsThrown && event.getThrown() == null) {
                return false;
            }
            return !mayBeAbsent || value.apply(event) != null;
        }

        @Override
        public void resolve(LogEvent event, JsonWriter writer) {
            String text = value.apply(event);
            if (text == null) {
                writer.writeNull();
            } else {
                writer.writeString(text);
            }
        }
    }
}
