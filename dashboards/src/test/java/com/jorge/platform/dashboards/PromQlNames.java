package com.jorge.platform.dashboards;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names and label names a PromQL expression uses: enough of the grammar for our rules and
 * panels (selectors, functions, aggregations with by/without, binary operators, numbers, durations).
 */
final class PromQlNames {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring)\\s*\\(([^)]*)\\)");

    private PromQlNames() {}

    /** Each metric the expression selects, with the labels its matchers name (grouping labels are in {@link #groupingLabels}). */
    static Map<String, Set<String>> selectors(String expression) {
        String text = STRING.matcher(expression).replaceAll("\"\"");
        text = text.replaceAll("\\[[^]]*]", " "); // range and subquery durations
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher grouping = GROUPING.matcher(text);
        text = grouping.replaceAll(" ");
        int i = 0;
        while (i < text.length()) {
            Matcher id = IDENTIFIER.matcher(text);
            if (!id.find(i)) break;
            String name = id.group();
            int after = skipSpaces(text, id.end());
            boolean preceededByDigit = id.start() > 0 && (Character.isDigit(text.charAt(id.start() - 1)) || text.charAt(id.start() - 1) == '.');
            if (after < text.length() && text.charAt(after) == '(' || KEYWORDS.contains(name.toLowerCase()) || preceededByDigit) {
                i = id.end(); // a function, an aggregation, a keyword or a number's exponent/unit
                continue;
            }
            Set<String> labels = new LinkedHashSet<>();
            int next = id.end();
            if (after < text.length() && text.charAt(after) == '{') {
                int close = text.indexOf('}', after);
                Matcher m = MATCHER_LABEL.matcher(text.substring(after + 1, close));
                while (m.find()) labels.add(m.group(1));
                next = close + 1;
            }
            out.computeIfAbsent(name, k -> new LinkedHashSet<>()).addAll(labels);
            i = next;
        }
        return out;
    }

    /** Labels named in by (...), without (...), on (...), ignoring (...). */
    static Set<String> groupingLabels(String expression) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = GROUPING.matcher(expression);
        while (m.find()) {
            for (String label : m.group(2).split(",")) if (!label.isBlank()) out.add(label.strip());
        }
        return out;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
