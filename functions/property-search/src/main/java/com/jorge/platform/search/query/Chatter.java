package com.jorge.platform.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a buyer's message that say nothing about the home (English and Spanish, folded):
 * closed-class words (pronouns, articles, auxiliaries, conjunctions, prepositions that are not about
 * distance) and the words of asking, buying and the buyer's own situation ("interested", "my wife and
 * I", "relocating", "can pay"). What the free text is compared on is what remains, so two phrasings
 * of one wish read alike and a wish-less message has no free text at all.
 *
 * <p>Not chatter, because they tell two wishes apart: negations ("no", "not", "without", "sin",
 * "dont"), distance ("near", "far", "away", "out"), amounts ("few", "lots", "little", "much"), order
 * in time ("before", "after", except "I'm after" = "I want"), and every content word about a home, a
 * street or a neighbourhood.
 */
final class Chatter {

    private static final Set<String> WORDS = Stream.of(
            // pronouns, determiners, auxiliaries and modals
            "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "he", "him", "his",
            "she", "her", "hers", "it", "its", "they", "them", "their", "this", "that", "these", "those", "what", "which", "who",
            "whom", "whose", "a", "an", "the", "each", "every", "either", "both", "am", "is", "are", "was", "were", "be", "been",
            "being", "have", "has", "had", "having", "do", "does", "did", "doing", "will", "would", "shall", "should", "can",
            "could", "may", "might", "must", "ought", "wanna", "gonna", "gotta", "im", "ive", "id", "ill", "youre", "weve", "wed",
            "were", "theyre", "thats", "whats", "theres", "heres", "lets",
            // conjunctions and prepositions that are not about distance
            "and", "but", "or", "so", "because", "since", "as", "if", "then", "than", "while", "though", "although", "yet",
            "also", "too", "of", "for", "to", "with", "about", "at", "in", "on", "by", "into", "per", "via",
            // asking, politeness, hedging
            "please", "thanks", "thank", "hi", "hello", "hey", "ok", "okay", "yes", "yeah", "sure", "maybe", "perhaps", "ideally",
            "preferably", "hopefully", "definitely", "absolutely", "actually", "currently", "now", "soon", "asap", "still",
            "already", "just", "really", "very", "quite", "want", "wants", "wanted", "wanting", "need", "needs", "needed",
            "needing", "looking", "look", "looks", "seeking", "seek", "search", "searching", "find", "finding", "show", "showing",
            "see", "get", "getting", "got", "buy", "buying", "purchase", "purchasing", "interested", "interest", "hoping", "hope",
            "love", "like", "prefer", "wish", "afford", "pay", "paying", "spend", "spending", "consider", "considering",
            "thinking", "think", "know", "let", "tell", "send", "share", "help", "available", "option", "options", "anything",
            "something", "anywhere", "somewhere", "else", "check", "checking", "browse", "browsing", "possible",
            // the buyer's situation, not the home's
            "wife", "husband", "partner", "spouse", "fiance", "fiancee", "girlfriend", "boyfriend", "relocating",
            "relocate", "relocation", "buyer", "buyers", "preapproved", "pre", "approved", "mortgage", "loan", "financing", "cash",
            // Spanish
            "yo", "mi", "mis", "mio", "nosotros", "nosotras", "nuestra", "nuestros", "nuestras", "tu", "tus", "usted",
            "ustedes", "su", "sus", "lo", "unos", "unas", "este", "esta", "esto", "estos", "estas", "ese", "esa", "eso", "a", "e",
            "u", "pero", "si", "ya", "tambien", "muy", "es", "son", "soy", "somos", "estan", "estoy", "estamos", "ser", "estar",
            "tener", "tengo", "tenemos", "haber", "hacer", "puedo", "podemos", "puede", "pueden", "quisiera", "quisieramos",
            "buscar", "necesita", "interesa", "interesan", "interesado", "interesada", "interesados", "gusta", "encantaria",
            "encanta", "hola", "saludos", "ok", "vale", "comprar", "compra", "mudarnos", "mudamos", "esposa", "esposo", "pareja",
            "pagar", "gastar", "disponible", "opciones")
            .collect(Collectors.toUnmodifiableSet());
    /** "I'm after", "we're after": the wanting, not a time. */
    private static final Set<String> BEFORE_AFTER = Set.of("im", "were", "am", "are");

    private Chatter() {}

    /** The words left once the chatter is gone; "i'm after" (= "I want") and "first time buyers" go with it. */
    static List<String> without(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("after") && i > 0 && BEFORE_AFTER.contains(words.get(i - 1))) continue;
            if (w.equals("first") && i + 2 < words.size() && words.get(i + 1).equals("time") && words.get(i + 2).startsWith("buyer")) {
                i += 2; // "first time buyers": who is asking
                continue;
            }
            if (!WORDS.contains(w)) out.add(w);
        }
        return out;
    }
}
