package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The slots whose values are a closed vocabulary (motivation, condition, mortgage, listing,
 * pre-approval, property type, must-haves...), read with the lexicon's rules. Single-valued slots
 * take the first rule that matches, so the lexicon lists the stronger value first ("needs a new
 * roof" is poor before "new roof" is good); motivation takes the earliest mention.
 */
final class KeywordSlotReader {

    private static final Set<SlotName> MULTI = EnumSet.of(SlotName.PROPERTY_TYPE, SlotName.MUST_HAVES);
    private static final Set<SlotName> EARLIEST = EnumSet.of(SlotName.MOTIVATION);
    private static final List<SlotName> SLOTS = List.of(
            SlotName.MOTIVATION, SlotName.CONDITION, SlotName.OWES_MORTGAGE, SlotName.OTHER_DECISION_MAKERS, SlotName.ALREADY_LISTED,
            SlotName.PRE_APPROVAL, SlotName.PROPERTY_TYPE, SlotName.MUST_HAVES, SlotName.FIRST_TIME_BUYER, SlotName.HOME_TO_SELL_FIRST);

    /**
     * Words that take a kind of home out of the search when they come right before it ("stop showing me
     * townhomes", "remove the condos", "para de mandar condos", "no condos"): not a type wanted. Read on the
     * 40 characters before the match only.
     */
    private static final Pattern EXCLUDED_BEFORE = Pattern.compile(
            "(\\b(stop|quit) (sending|showing|texting)( me| us)?|\\bno more|\\bremove( the| all( the)?)?|\\b(para|pare|paren|deja|dejen|deje) de (mandar|enviar|mostrar)(me|nos)?"
                    + "|\\bno|\\bnot|\\bnothing|\\bsin|\\bni|\\bnada de|\\bno (quiero|queremos)|\\bno (me|nos) (interesan?|gustan?)|\\bnot interested in|\\bexcept)\\s+((any|the|those|these|los|las|mas)\\s+)?$");

    private final Lexicon lexicon;

    KeywordSlotReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<Slot> read(FoldedText text, List<int[]> taken) {
        String t = text.folded();
        List<Slot> out = new ArrayList<>();
        for (SlotName slot : SLOTS) {
            Slot chosen = null;
            for (Lexicon.SlotRule rule : lexicon.rules(slot)) {
                StartFilteredPattern.Search m = rule.pattern().search(t);
                while (m.find()) {
                    if (overlaps(taken, m.start(), m.end()) || (slot == SlotName.PROPERTY_TYPE && excluded(t, m.start()))) {
                        continue;
                    }
                    Slot found = new Slot(slot, rule.value(), m.start(), m.end());
                    if (MULTI.contains(slot)) {
                        if (out.stream().noneMatch(s -> s.name() == slot && s.value().equals(rule.value()))) {
                            out.add(found);
                        }
                    } else if (chosen == null || (EARLIEST.contains(slot) && found.start() < chosen.start())) {
                        chosen = found;
                    }
                    break;
                }
                if (chosen != null && !EARLIEST.contains(slot)) {
                    break;
                }
            }
            if (chosen != null) {
                out.add(chosen);
            }
        }
        return out;
    }

    private static boolean excluded(String t, int start) {
        return EXCLUDED_BEFORE.matcher(t).region(Math.max(0, start - 40), start).find();
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
