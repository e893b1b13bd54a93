package com.jorge.platform.alerts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert rules: the bundled {@code alert-rules.json}, or the whole document from {@code ALERT_RULES_JSON};
 * {@code ALERT_RULES_DISABLED} (comma-separated names) switches rules off. Dimension values may name
 * configuration as {@code ${NAME}} or {@code ${NAME:default}} (queue names differ per stage).
 */
public final class AlertRuleCatalog {

    public static final String RESOURCE = "/alert-rules.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Pattern STATISTIC = Pattern.compile("Sum|Average|Maximum|Minimum|SampleCount|p\\d{1,2}(\\.\\d{1,2})?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([^}]*))?}");
    public static final int MIN_HORIZON_MINUTES = 15;
    public static final int MAX_HORIZON_MINUTES = 30;

    private AlertRuleCatalog() {}

    public static List<AlertRule> load(PlatformConfig config) {
        String json = config.get("ALERT_RULES_JSON").orElseGet(AlertRuleCatalog::bundled);
        Set<String> disabled = new HashSet<>();
        config.get("ALERT_RULES_DISABLED").ifPresent(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).forEach(disabled::add));
        return parse(json, config).stream().filter(r -> !disabled.contains(r.name())).toList();
    }

    static String bundled() {
        try (InputStream in = AlertRuleCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<AlertRule> parse(String json, PlatformConfig config) {
        JsonNode root;
        try {
            root = PlatformJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new AlertRuleException("alert rules are not valid JSON: " + e.getMessage(), e);
        }
        JsonNode rules = root == null ? null : root.get("rules");
        if (rules == null || !rules.isArray()) throw new AlertRuleException("alert rules: field 'rules' must be an array", null);
        List<AlertRule> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            AlertRule rule = rule(rules.get(i), i, config);
            if (!names.add(rule.name())) throw new AlertRuleException(rule.name(), "name", "is used by more than one rule");
            out.add(rule);
        }
        return List.copyOf(out);
    }

    private static AlertRule rule(JsonNode node, int index, PlatformConfig config) {
        String name = text(node, "name", "#" + index);
        if (!NAME.matcher(name).matches()) throw new AlertRuleException(name, "name", "must be letters, digits, '-' or '_' (up to 100)");
        String namespace = text(node, "namespace", name);
        String metric = text(node, "metric", name);
        String statistic = text(node, "statistic", name);
        if (!STATISTIC.matcher(statistic).matches()) {
            throw new AlertRuleException(name, "statistic", "must be Sum, Average, Maximum, Minimum, SampleCount or a percentile like p99, not '" + statistic + "'");
        }
        int period = node.has("periodSeconds") ? integer(node, "periodSeconds", name) : 60;
        if (period < 60 || period % 60 != 0) throw new AlertRuleException(name, "periodSeconds", "must be a multiple of 60");
        JsonNode thresholdNode = node.get("threshold");
        if (thresholdNode == null || !thresholdNode.isNumber()) throw new AlertRuleException(name, "threshold", "must be a number");
        Direction direction = enumValue(Direction.class, text(node, "direction", name), name, "direction");
        int horizon = integer(node, "horizonMinutes", name);
        if (horizon < MIN_HORIZON_MINUTES || horizon > MAX_HORIZON_MINUTES) {
            throw new AlertRuleException(name, "horizonMinutes", "must be between " + MIN_HORIZON_MINUTES + " and " + MAX_HORIZON_MINUTES);
        }
        Severity severity = enumValue(Severity.class, text(node, "severity", name), name, "severity");
        MissingData missing = node.hasNonNull("missingData")
                ? enumValue(MissingData.class, text(node, "missingData", name), name, "missingData") : MissingData.ABSENT;
        String description = node.hasNonNull("description") ? node.get("description").asText() : name;
        Map<String, String> dimensions = new LinkedHashMap<>();
        JsonNode dims = node.get("dimensions");
        if (dims != null && !dims.isNull()) {
            if (!dims.isObject()) throw new AlertRuleException(name, "dimensions", "must be an object of name to value");
            for (var it = dims.fields(); it.hasNext(); ) {
                var e = it.next();
                dimensions.put(e.getKey(), resolve(e.getValue().asText(), config, name, "dimensions." + e.getKey()));
            }
        }
        return new AlertRule(name, description, new MetricQuery(namespace, metric, dimensions, statistic, period),
                new BreachCondition(thresholdNode.asDouble(), direction, horizon), severity, missing);
    }

    private static String resolve(String value, PlatformConfig config, String rule, String field) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = config.get(m.group(1)).orElse(m.group(2));
            if (replacement == null) throw new AlertRuleException(rule, field, "names ${" + m.group(1) + "}, which is not configured");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        if (out.isEmpty()) throw new AlertRuleException(rule, field, "must not be empty");
        return out.toString();
    }

    private static String text(JsonNode node, String field, String rule) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw new AlertRuleException(rule, field, "is required");
        return v.asText().trim();
    }

    private static int integer(JsonNode node, String field, String rule) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) throw new AlertRuleException(rule, field, "must be a whole number");
        return v.asInt();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String rule, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AlertRuleException(rule, field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }
}
