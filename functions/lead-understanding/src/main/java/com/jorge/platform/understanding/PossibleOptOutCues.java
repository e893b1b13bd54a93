package com.jorge.platform.understanding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cues that a message may be a request to stop, for the messages {@link OptOutDetector} does not confirm: a word of
 * the stop family in either language (stop, quit, remove, unsubscribe, cancel, block, take me off, leave me alone,
 * don't text, alto, basta, baja, ya no me escriban, no más mensajes, deja de mandar, sácame de la lista...) or anger,
 * profanity and the law (harassment, a lawyer aimed at us, report, sue, TCPA, spam, scam, acoso, demanda). Read on the
 * detector's canonical text (look-alikes, spelled-out letters, invisible characters), so "st0p" is a cue too.
 * Deliberately broad: a cue does not opt the lead out, it holds the conversation for a person. The near-misses the
 * detector already knows to be harmless are not cues: a negated or promised stop ("don't stop sending listings", "ill
 * quit bugging you"), a narrowed search ("stop sending me condos, only houses"), delight ("Stop! that price is
 * amazing"), a question about the word ("unsubscribe from what?"), another service ("unsubscribed from zillow"), and
 * "bus stop", "stop sign", "stop renting", "cancel the showing".
 */
final class PossibleOptOutCues {

    /** What a request to stop is about. */
    private static final String MESSAGES = "(texts?|txts?|messages?|msgs?|sms|mensajes|textos|msjs|mensajitos|calls|llamadas|spam|notifications|notificaciones)";
    private static final String END = "\\s*([.!,;:?]|$|(please|pls|plz|now|already|ya|por\\s+favor|porfa|porfavor|thanks|thx|gracias)\\b)";

    /** The stop family, whose near-misses are checked ({@link #harmless}). */
    private static final Pattern STOP_WORD = Pattern.compile(String.join("|",
            "\\bs+t+o+p+(all|ped|ping)?\\b|\\bstahp\\b|\\bhalt\\b|\\bunsu[bs]\\w*|\\bopt(ed|ing)?\\s*-?\\s*((me|us)\\s+)?out\\b|\\bdesuscrib\\w*|\\bdesinscrib\\w*",
            "\\bquit(?=\\s+(\\w+ing|it)\\b)|\\bquit" + END + "|\\b(cease|revok\\w*)\\b|\\bwithdraw\\w*\\s+(my\\s+)?consent|\\bdo\\s+not\\s+(call|contact|text)\\s+list|\\x{1F6D1}",
            "\\b(cancel\\w*|end|parar|detener|detengan|suspend\\w*|knock|cut|kill|pause)\\b[^.!?]{0,25}\\b" + MESSAGES + "\\b",
            "^\\W*(cancel\\w*|end|parar|revoke|fin|remove)\\W*$|\\bremov\\w*\\s+(it|this|that)\\s*([.!]|$)|\\bcancel\\w*\\s+(my\\s+|mi\\s+|la\\s+)?(subscription|suscripcion|subscripcion)",
            "\\b(remov\\w*|delete|erase|drop|scratch|strike|lose|block\\w*)\\s+(me|us|my\\s+(number|#|phone|info|name|contact)|this\\s+(number|#|phone|line)|our\\s+(number|#|info|names?))\\b",
            "\\bremoved\\s+from\\b|\\bbe\\s+removed\\b|\\btake\\s+(me|us|it|(my|our|this)\\s+\\w+)\\s+off\\b|\\b(get|want)\\s+((me|us)\\s+)?off\\b|\\boff\\s+(of\\s+)?(this|your|ur|the|that|la|su|tu)\\s+(\\w+\\s+)?(list|lista|texts|thread|system)\\b",
            "\\b(knock\\s+it\\s+off|cut\\s+(it\\s+)?out|give\\s+it\\s+a\\s+rest|lay\\s+off|go\\s+away|cease\\s+and\\s+desist|dnc)\\b|\\benough(" + END + "|\\s+(with|of)\\b)",
            "\\bleave\\s+(me|us)\\s+(the\\s+hell\\s+)?alone\\b|\\bdone\\s+(getting|receiving)\\b|\\bdone\\s+with\\s+(you|u|this|these|y'?all|your\\s+" + MESSAGES + ")\\b",
            "\\b(do\\s*n[o']?t|dont|never|no\\s+longer|not)\\s+(ever\\s+)?(text|txt|message|msg|contact|email|write|consent)\\w*\\b",
            "\\b(do\\s*n[o']?t|dont|no\\s+longer)\\s+(want|wish|need)\\b[^.!?]{0,30}\\b(" + MESSAGES + "|contact\\w*|hear|receive|you|u|y'?all|this|these|them)\\b",
            "\\bnot\\s+interested\\b[^.!?]{0,40}\\b(text|txt|message|msg|number|contact|list)\\w*|\\bno\\s+more\\s+(of\\s+)?(" + MESSAGES + "|contact|these|this|your)\\b|^\\W*no\\s+(more|mas)\\W*$",
            "\\b(f\\*+|f\\S*k|screw|piss)\\s+off\\b",
            // Spanish
            "(^|[.!?,;]\\s*)(alto|basta|baja|ya\\s+basta|paren|parenle|parale|parele|detente|detenganse)" + END,
            "\\b(alto|basta|stop)\\s+(a|con|de)\\s+((los|sus|tus|estos|tantos)\\s+)?" + MESSAGES,
            "\\bde\\s+baja\\b|\\bb[aá]j(enme|ame|eme|enos|anos)\\b",
            "\\bya\\s+no\\s+(me\\s+|nos\\s+)?(escrib|mand|envi|contact|llam|molest|text|mensaje)\\w*|\\bya\\s+no\\s+(quiero|queremos)\\s+(recibir|mas\\s+" + MESSAGES + "|nada)\\b",
            "\\bno\\s+mas\\s+" + MESSAGES + "|\\bno\\s+(quiero|queremos)\\s+(recibir|mas\\s+" + MESSAGES + "|que\\s+(me|nos)\\s+(vuelv|escrib|mand|envi|contact|llam|molest|text))\\w*",
            "\\bdej(a|en|e|ar)\\s+de\\s+((estar|seguir|andar)\\s+)?(escrib|mand|envi|molest|llam|text|contact|ching|freg|jod|spam|insist|acos|fastidi)\\w*|\\bdej(a|e|en)?(me|nos)\\s+en\\s+paz\\b",
            "\\b(paren|parenle|parale|pare|parele)\\s+(de|con)\\s+((los|sus|tus|tantos)\\s+(mensajes|textos)|(mand|escrib|envi|molest|text|llam)\\w*)",
            "\\bno\\s+(me|nos)\\s+(\\w+\\s+)?(escrib|mand|envi|contact|molest|text|vuelv)\\w*|\\bno\\s+(enviar|mandar|escribir|textear|mensajear|contactar)\\w*",
            "\\b(quitenme|quitame|quiteme|sacame|saquenme|saqueme|sacanos|saquenos|borrame|borrenme|borreme|eliminenme|eliminame|remuevanme)\\s*(de\\b|[.!]|$|(por\\s+favor|porfa|ya)\\b)",
            "\\b(quit|sac|saqu|borr|elimin|remuev|remov)\\w*\\s+((a\\s+)?(mi|este|nuestro)\\s+(numero|telefono|cel|celular|contacto)\\b|(me|nos)?\\s*de\\s+((su|sus|la|tu|esta)\\s+)?(lista|sistema|base\\s+de\\s+datos|contactos)\\b)"));

    /** Anger, profanity and the law: a conversation gone wrong, whatever else it says. */
    private static final Pattern ANGER = Pattern.compile(String.join("|",
            "\\b(harass\\w*|sue|suing|lawsuit|tcpa|fcc|ftc|illegal|scam\\w*|spam\\w*|report(ing)?\\s+(you|this|u|y'?all))\\b",
            "\\bmy\\s+(lawyer|attorney)\\s+(will|is\\s+going)|\\b(lawyer|attorney|abogado)s?\\b[^.!?]{0,40}\\b(you|u|your|y'?all|ustedes|les|los|te|this\\s+number)\\b|\\b(you|u|y'?all|ustedes)\\b[^.!?]{0,40}\\b(lawyer|attorney|abogado)s?\\b",
            "\\b(f+u+c+k\\w*|fck\\w*|fuk\\w*|wtf|stfu|shit\\w*|bullshit|damn|bitch\\w*|asshole)\\b",
            "\\b(acoso|acosando|acosar|una\\s+demanda|demandar(los|les|te|lo)|(los|les|te|lo)\\s+(voy\\s+a\\s+)?demand\\w*|denunci\\w*|reportar(los|les|te)?|ilegal)\\b",
            "\\b(chinga\\w*|chingan|pinche\\w*|mierda|carajo|put[ao]s?|pendej\\w*|jodan|joder|molest(an|ando|ia|en)|estafa\\w*)\\b"));

    /** What makes a stop word harmless just after it: "stop by", "stop sign", "stop renting", "stop me from", "stop showing me condos". */
    private static final Pattern HARMLESS_AFTER = Pattern.compile(
            "[\\s,-]*(by|in|at|through|over|sign|signs|light|lights|and[\\s-]+go|renting|paying|rentar|(me|us)\\s+from|showing|looking|searching|waiting)\\b");
    /** A Spanish negation just before: "no paren de mandarme casas", "no me borren de la lista", "no dejen de avisarme". */
    private static final Pattern SPANISH_NEGATION_BEFORE = Pattern.compile("\\bno\\s+((me|nos)\\s+)?((la|lo|las|los)\\s+)?$");
    /** "a stop", "make a stop": the noun, a place on the way. */
    private static final Pattern NOUN_BEFORE = Pattern.compile("\\b(a|the|one|last|next|first)\\s*$");

    boolean cued(FoldedText text) {
        String t = FoldedText.of(OptOutDetector.canonical(text.original())).folded();
        if (ANGER.matcher(t).find()) {
            return true;
        }
        // a short message split by spaces: "sto p", "un subscribe"
        return stopWord(t) || t.length() <= 24 && stopWord(t.replace(" ", ""));
    }

    private static boolean stopWord(String t) {
        Matcher m = STOP_WORD.matcher(t);
        while (m.find()) {
            if (!harmless(t, m.start(), m.end())) {
                return true;
            }
        }
        return false;
    }

    private static boolean harmless(String t, int start, int end) {
        String before = t.substring(Math.max(0, start - 60), start);
        int after = end;
        while (after < t.length() && ",.!: ".indexOf(t.charAt(after)) >= 0) {
            after++;
        }
        return OptOutDetector.NEGATION_BEFORE.matcher(before).find() || OptOutDetector.LEAD_PROMISES_BEFORE.matcher(before).find()
                || SPANISH_NEGATION_BEFORE.matcher(before).find() || NOUN_BEFORE.matcher(before).find()
                || OptOutDetector.OTHER_SERVICE.matcher(t).region(start, Math.min(t.length(), start + 120)).lookingAt()
                || lookingAt(HARMLESS_AFTER, t, end) || lookingAt(OptOutDetector.NARROWED_AFTER, t, end)
                || lookingAt(OptOutDetector.QUESTIONED_AFTER, t, end) || lookingAt(OptOutDetector.DELIGHT_AFTER, t, after);
    }

    private static boolean lookingAt(Pattern p, String t, int from) {
        return p.matcher(t).region(from, Math.min(t.length(), from + 120)).lookingAt();
    }
}
