package com.jorge.platform.bots.booking;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, in English or Spanish, what a lead answers to an offer of times: which slot ("the 2nd one",
 * "sat 10am", "el sábado a las 10", "any time after 5 tomorrow"), or that they want to move or cancel
 * the appointment, or are asking about it. Plain patterns on the accent-folded, lower-cased text: a
 * turn reads one short SMS in microseconds.
 */
public final class SlotChoiceReader {

    /**
     * What the lead wants done with the appointment besides choosing a time: cancel it, move it, see
     * other times than those offered ("none of those work"), see the offer again ("what were the
     * times?"), or know who calls and when.
     */
    public enum Request { NONE, CANCEL, MOVE, OTHER_TIMES, REPEAT, LOGISTICS }

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 0), Map.entry("1st", 0), Map.entry("primer", 0), Map.entry("primero", 0), Map.entry("primera", 0),
            Map.entry("second", 1), Map.entry("2nd", 1), Map.entry("segundo", 1), Map.entry("segunda", 1),
            Map.entry("third", 2), Map.entry("3rd", 2), Map.entry("tercer", 2), Map.entry("tercero", 2), Map.entry("tercera", 2),
            Map.entry("last", -1), Map.entry("ultimo", -1), Map.entry("ultima", -1));
    private static final Pattern ORDINAL = Pattern.compile("\\b(first|1st|second|2nd|third|3rd|last|primer[oa]?|segund[oa]|tercer[oa]?|ultim[oa])\\b");
    /** "1", "#2", "option 3", "la 2", "the 1": a bare small number that is not a time. */
    private static final Pattern NUMBER_CHOICE = Pattern.compile(
            "^(?:(?:option|opcion|number|numero|no\\.?|#|the|la|el)\\s*)?#?([1-3])(?:\\s*(?:one|please|por favor|pls|plz))?[.!]?$"
                    + "|\\b(?:option|opcion|number|numero|#)\\s*([1-3])\\b");
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY), Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("domingo", DayOfWeek.SUNDAY));
    private static final Pattern DAY = Pattern.compile("\\b(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
            + "|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|tonight|hoy|esta noche|esta tarde)\\b");
    /** "mañana" alone is tomorrow; "por/en la mañana" and "de la mañana" are the morning. */
    private static final Pattern TOMORROW = Pattern.compile("\\b(tomorrow|tmrw|tmr|pasado manana)\\b|(?<!la )\\bmanana\\b");
    private static final Pattern WEEKEND = Pattern.compile("\\b(this weekend|the weekend|weekend|fin de semana|finde)\\b");
    private static final Pattern AFTER = Pattern.compile("\\b(?:after|from|anytime after|any time after|despues de(?: las?)?|a partir de(?: las?)?)\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Pattern BEFORE = Pattern.compile("\\b(?:before|by|until|antes de(?: las?)?)\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Pattern AT = Pattern.compile("(?:\\b(?:at|@|a las|a la)\\s*)?\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d/:-])"
            + "|\\b(noon|mediodia)\\b");
    private static final Pattern MORNING = Pattern.compile("\\b(morning|in the am|(?:por|en|de) la manana)\\b");
    private static final Pattern AFTERNOON = Pattern.compile("\\b(afternoon|(?:por|en|de) la tarde)\\b");
    private static final Pattern EVENING = Pattern.compile("\\b(evening|tonight|(?:por|en|de) la noche|esta noche)\\b");
    private static final Pattern CANCEL = Pattern.compile("\\b(cancel\\w*|call it off|cancelar|cancela\\w*|anula\\w*)\\b");
    private static final Pattern MOVE = Pattern.compile("\\b(move|moving|reschedul\\w*|change the (?:time|day|date)|another (?:time|day)|push it|"
            + "different (?:time|day)|can't make it|cannot make it|cant make it|cambiar|cambia\\w*|mover|muev\\w*|reprogram\\w*|otro dia|otra hora|no puedo ir)\\b");
    /** "none of those work", "other times?", "ninguno me sirve": the offer does not suit. */
    private static final Pattern OTHER_TIMES = Pattern.compile("\\b(none of (?:these|those|them|the times)|neither(?: of them| one)?|"
            + "other (?:times?|options|days?)|any other (?:times?|days?)|later (?:times?|days?)|earlier (?:times?|days?)|"
            + "(?:those|these|they|that) (?:don'?t|do not|doesn'?t|does not|won'?t|will not) work|can'?t do (?:any|those|them)|"
            + "ningun[oa]|otros horarios|otras horas|otros dias|no me sirven?|no puedo (?:a )?(?:esas|esa|ninguna))\\b");
    /** "what were the times again?", "¿cuáles eran los horarios?": show the offer again. */
    private static final Pattern REPEAT = Pattern.compile("\\b(what (?:were|are) the (?:times|options|slots)|which (?:times|slots|options)|"
            + "what times (?:do you have|are (?:open|free|available)|can)|(?:send|give|show|tell) (?:me )?(?:the|those) (?:times|options) again|"
            + "times again|cuales (?:eran|son) (?:los )?horarios|que horarios (?:hay|tienes|tiene|eran)|los horarios otra vez|repite\\w*)\\b");
    /** "how do I reschedule?" asks how, and is answered, rather than asking for new times. */
    private static final Pattern HOW_TO = Pattern.compile("\\b(how (?:do|can|would) i (?:reschedule|change|move|cancel)|"
            + "como (?:lo |la )?(?:cambio|muevo|cancelo|puedo cambiar))\\b");
    private static final Pattern LOGISTICS = Pattern.compile("\\b(who (?:will|is going to|is gonna) call|who(?:'s| is) calling|when (?:will|is|does)|what time|"
            + "is it still|still on|how do i (?:reschedule|change|move)|quien (?:me )?(?:va a )?llama|quien me llamara|cuando (?:me )?(?:va|llama|es)|"
            + "a que hora|sigue en pie|como (?:lo )?(?:cambio|muevo))\\b");

    /** The appointment request in the text, if any; "how do I…" asks, then a cancellation outranks a move. */
    public Request request(String text) {
        String t = fold(text);
        if (HOW_TO.matcher(t).find()) return Request.LOGISTICS;
        if (CANCEL.matcher(t).find()) return Request.CANCEL;
        if (MOVE.matcher(t).find()) return Request.MOVE;
        if (OTHER_TIMES.matcher(t).find()) return Request.OTHER_TIMES;
        if (REPEAT.matcher(t).find()) return Request.REPEAT;
        if (LOGISTICS.matcher(t).find()) return Request.LOGISTICS;
        return Request.NONE;
    }

    /** The time the lead asks for, if the text names one. */
    public Optional<SlotWish> wish(String text) {
        String t = fold(text);
        Matcher ordinal = ORDINAL.matcher(t);
        if (ordinal.find()) {
            return Optional.of(new SlotWish(ORDINALS.get(ordinal.group(1)), null, null, false, null, null, null));
        }
        Matcher number = NUMBER_CHOICE.matcher(t.strip());
        if (number.find()) {
            String n = number.group(1) != null ? number.group(1) : number.group(2);
            return Optional.of(new SlotWish(Integer.parseInt(n) - 1, null, null, false, null, null, null));
        }
        DayOfWeek day = null;
        Matcher d = DAY.matcher(t);
        if (d.find()) day = DAYS.get(d.group(1));
        Integer ahead = TODAY.matcher(t).find() ? Integer.valueOf(0) : TOMORROW.matcher(t).find() ? Integer.valueOf(1) : null;
        boolean weekend = day == null && WEEKEND.matcher(t).find();
        LocalTime after = null;
        LocalTime before = null;
        LocalTime at = null;
        Matcher a = AFTER.matcher(t);
        String rest = t;
        if (a.find()) {
            after = time(a.group(1), a.group(2), a.group(3));
            rest = rest.replace(a.group(), " ");
        }
        Matcher b = BEFORE.matcher(rest);
        if (b.find()) {
            before = time(b.group(1), b.group(2), b.group(3));
            rest = rest.replace(b.group(), " ");
        }
        if (after == null && before == null) {
            Matcher exact = AT.matcher(rest);
            while (exact.find()) {
                if (exact.group(4) != null) {
                    at = LocalTime.NOON;
                    break;
                }
                boolean marked = exact.group(3) != null || exact.group().contains("at") || exact.group().contains("@")
                        || exact.group().contains("a la") || exact.group(2) != null;
                if (marked) {
                    at = time(exact.group(1), exact.group(2), exact.group(3));
                    break;
                }
            }
        }
        if (at == null && after == null && before == null) {
            if (MORNING.matcher(t).find()) before = LocalTime.NOON;
            else if (AFTERNOON.matcher(t).find()) after = LocalTime.NOON;
            else if (EVENING.matcher(t).find()) after = LocalTime.of(17, 0);
        }
        if (day == null && ahead == null && !weekend && at == null && after == null && before == null) {
            return Optional.empty();
        }
        return Optional.of(new SlotWish(null, day, ahead, weekend, at, after, before));
    }

    /** An hour without am/pm is read as office hours: 8-11 the morning, 12 noon, 1-7 the afternoon. */
    private static LocalTime time(String hour, String minute, String meridiem) {
        int h = Integer.parseInt(hour);
        int m = minute == null ? 0 : Integer.parseInt(minute);
        if (h > 23 || m > 59) return null;
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p");
            if (h == 12) h = pm ? 12 : 0;
            else if (pm) h += 12;
        } else if (h >= 1 && h <= 7) {
            h += 12;
        }
        return h > 23 ? null : LocalTime.of(h, m);
    }

    static String fold(String text) {
        String lower = (text == null ? "" : text).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('’', '\'');
    }
}
