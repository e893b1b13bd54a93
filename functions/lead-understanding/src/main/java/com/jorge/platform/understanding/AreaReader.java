package com.jorge.platform.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places the lead names: the market's cities, neighbourhoods and school districts from a gazetteer
 * (a configuration of the deployment, not a model), and zip codes. A place someone moves away to
 * ("relocating to Denver") is not in the gazetteer and so is not an area. Public so that another
 * market's reader (property search's King County gazetteer) is this one with another resource.
 */
public final class AreaReader {

    private static final Pattern ZIP = Pattern.compile("(?<![\\d$,.])\\b\\d{5}\\b(?![\\d,]|\\s*(k\\b|mil|thousand|dollars|dolares))");
    private static final Pattern ZIP_CONTEXT = Pattern.compile("\\b(zip|in|around|near|area|or|and|y|o|en|cerca de|,)\\s*$");

    private final List<Pattern> places;

    private AreaReader(List<Pattern> places) {
        this.places = places;
    }

    /** A reader over the gazetteer resource {@code resource} (one name a line, {@code #} comments). */
    public static AreaReader load(String resource) {
        try (InputStream in = AreaReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing: " + resource);
            }
            List<String> names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            List<Pattern> patterns = new ArrayList<>();
            for (String name : sorted) {
                boolean caseSensitive = name.length() <= 3 && name.equals(name.toUpperCase(Locale.ROOT));
                String words = Pattern.quote(name).replace(" ", "\\E\\s+\\Q");
                patterns.add(caseSensitive ? Pattern.compile("\\b" + words + "\\b")
                        : Pattern.compile("(?iu)\\b" + words + "\\b"));
            }
            return new AreaReader(patterns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Areas in {@code text} in order of appearance: gazetteer names as written, and zip codes. */
    public List<Slot> read(String text) {
        return read(FoldedText.of(text), List.of());
    }

    /** Areas in order of appearance; spans in {@code taken} (addresses, names, e-mail) are skipped. */
    List<Slot> read(FoldedText text, List<int[]> taken) {
        String original = text.original();
        List<int[]> used = new ArrayList<>(taken);
        List<Slot> out = new ArrayList<>();
        for (Pattern p : places) {
            Matcher m = p.matcher(original);
            while (m.find()) {
                if (overlaps(used, m.start(), m.end())) {
                    continue;
                }
                used.add(new int[] {m.start(), m.end()});
                out.add(new Slot(SlotName.AREA, m.group().replaceAll("\\s+", " "), m.start(), m.end()));
            }
        }
        Matcher zip = ZIP.matcher(text.folded());
        while (zip.find()) {
            if (!overlaps(used, zip.start(), zip.end()) && ZIP_CONTEXT.matcher(text.folded().substring(0, zip.start())).find()) {
                out.add(new Slot(SlotName.AREA, zip.group(), zip.start(), zip.end()));
            }
        }
        out.sort(Comparator.comparingInt(Slot::start));
        return out;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }
}
