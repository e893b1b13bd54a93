package com.jorge.platform.search.retrieval;

import com.jorge.platform.search.listing.Listing;
import com.jorge.platform.search.query.PlaceGazetteer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** One line of search/judged-queries.tsv: the query, what every result must satisfy, what makes one relevant. */
record JudgedQuery(String query, Predicate<Listing> hard, Predicate<Listing> soft) {

    static List<JudgedQuery> load(String resource, PlaceGazetteer places) {
        try (InputStream in = JudgedQuery.class.getResourceAsStream(resource)) {
            List<JudgedQuery> out = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 3) throw new IllegalStateException("want 3 tab-separated fields: " + line);
                out.add(new JudgedQuery(f[0], parse(f[1], places), parse(f[2], places)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate<Listing> parse(String expression, PlaceGazetteer places) {
        Predicate<Listing> all = l -> true;
        if (expression.strip().equals("-")) return all;
        for (String clause : expression.split("&")) {
            all = all.and(clause(clause.strip(), places));
        }
        return all;
    }

    private static Predicate<Listing> clause(String c, PlaceGazetteer places) {
        if (c.startsWith("!")) return clause(c.substring(1), places).negate();
        switch (c) {
            case "waterfront": return Listing::waterfront;
            case "view": return l -> l.view() > 0;
            case "basement": return l -> l.basementSqft() > 0;
            case "renovated": return l -> l.yearRenovated() > 0;
            default: break;
        }
        if (c.startsWith("place=")) {
            Set<String> zips = places.zipsOf(c.substring(6)).orElseThrow(() -> new IllegalStateException("unknown place " + c));
            return l -> zips.contains(l.zip());
        }
        if (c.startsWith("zip=")) {
            Set<String> zips = Set.of(c.substring(4).split("\\|"));
            return l -> zips.contains(l.zip());
        }
        String[] ops = {">=", "<=", "=", "<", ">"};
        for (String op : ops) {
            int at = c.indexOf(op);
            if (at > 0) {
                ToDoubleFunction<Listing> field = field(c.substring(0, at).strip());
                double v = new BigDecimal(c.substring(at + op.length()).strip()).doubleValue();
                return switch (op) {
                    case ">=" -> l -> field.applyAsDouble(l) >= v;
                    case "<=" -> l -> field.applyAsDouble(l) <= v;
                    case "<" -> l -> field.applyAsDouble(l) < v;
                    case ">" -> l -> field.applyAsDouble(l) > v;
                    default -> l -> field.applyAsDouble(l) == v;
                };
            }
        }
        throw new IllegalStateException("cannot read clause " + c);
    }

    private static ToDoubleFunction<Listing> field(String name) {
        return switch (name) {
            case "price" -> Listing::price;
            case "beds" -> Listing::bedrooms;
            case "baths" -> l -> l.bathrooms().doubleValue();
            case "living" -> Listing::livingSqft;
            case "lot" -> Listing::lotSqft;
            case "floors" -> l -> l.floors().doubleValue();
            case "grade" -> Listing::grade;
            case "condition" -> Listing::condition;
            case "built" -> Listing::yearBuilt;
            case "view" -> Listing::view;
            default -> throw new IllegalStateException("unknown field " + name);
        };
    }
}
