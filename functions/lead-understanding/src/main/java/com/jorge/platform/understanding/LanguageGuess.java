package com.jorge.platform.understanding;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** English or Spanish, by counting common words of each; a mixed text goes to its majority, a tie to English. */
final class LanguageGuess {

    private static final Set<String> SPANISH = Set.copyOf(java.util.List.of(
            "de", "la", "el", "que", "y", "en", "los", "las", "un", "una", "por", "para", "con", "mi", "mis", "es", "esta", "estan", "casa",
            "quiero", "queremos", "tenemos", "estamos", "gracias", "hola", "si", "pero", "como", "cuando", "donde", "mas", "muy", "ya",
            "nos", "le", "lo", "se", "su", "sus", "del", "al", "ahorita", "buenos", "buenas", "dias", "tarde", "tardes", "manana", "favor",
            "solo", "nomas", "tengo", "vender", "comprar", "busco", "buscamos", "cuartos", "recamaras", "banos", "mil", "dolares", "hasta",
            "entre", "todavia", "ano", "meses", "mes", "necesito", "necesitamos", "necesita", "puede", "pueden", "llamar", "llamame",
            "hablo", "nadie", "ese", "esa", "nombre", "correo", "soy", "somos", "vivo", "vive", "aqui", "ahora", "despues", "antes",
            "porque", "tambien", "algo", "nada", "todo", "otra", "otro", "dejen", "deja", "mensajes", "numero", "equivocado", "quien",
            "cuanto", "vale", "precio", "hipoteca", "pagada", "debemos", "esposo", "esposa", "ninos", "escuela", "primera", "vez",
            "mudamos", "mudo", "trabajo", "presupuesto", "pre", "aprobados", "aprobacion", "proceso", "interesa", "interesada",
            "interesado", "ver", "podemos", "listos", "tal", "proximo", "junio", "julio", "agosto", "mayo", "posible", "estoy", "está",
            "dueño", "duena", "hermanos", "heredamos", "fallecio", "dejo", "techo", "reparaciones", "pintura", "piso", "nuevo", "nueva",
            "patio", "grande", "alberca", "cochera", "carros", "terreno", "condominio", "conozco", "fastidio", "molestar", "paz",
            "lista", "baja", "quiere", "ver", "estafa", "ninguna", "ninguno", "usted", "ustedes", "claro", "dale", "perfecto", "bueno",
            "sabado", "domingo", "semana", "fines", "noche", "noches", "marcar", "telefono", "hablar", "valor", "saber", "tasa",
            "interes", "abogado", "curioseando", "viendo", "caro", "caros", "comision", "demasiado", "alta", "sacar", "unos", "pedir",
            "buen", "estado", "condiciones", "agente", "agencia", "venta", "mercado", "trabajando", "rentamos", "piscina", "piso",
            "movil", "verano", "primavera", "invierno", "otono", "cuanto", "antes", "transfirieron", "divorciando", "dejo", "mama",
            "papa", "mucho", "poco", "dos", "tres", "cuatro", "cinco", "seis", "diciembre", "enero", "pagar", "podemos", "escriban",
            "manden", "recibir", "vuelvan", "escribir", "borrenme", "darme", "basta", "equivoco", "compradores", "preferimos", "prefiero", "alto", "parar", "cancelar", "llamo", "llama", "favor", "gusto"));
    private static final Set<String> ENGLISH = Set.copyOf(java.util.List.of(
            "the", "and", "to", "of", "in", "is", "it", "my", "we", "i", "you", "for", "on", "with", "looking", "want", "house", "home",
            "need", "are", "have", "not", "just", "this", "that", "thanks", "please", "yes", "buy", "sell", "bedroom", "bedrooms",
            "bath", "baths", "what", "how", "when", "who", "can", "call", "our", "us", "be", "do", "don't", "dont", "im", "i'm",
            "we're", "it's", "its", "would", "like", "about", "around", "under", "up", "out", "get", "got", "so", "but", "or", "if",
            "sorry", "wrong", "number", "stop", "texting", "already", "agent", "realtor", "first", "time", "buyer", "buyers",
            "budget", "max", "approved", "area", "school", "kids", "wife", "husband", "hubby", "weekend", "this", "weekend",
            "sure", "ok", "okay", "hi", "hey", "hello", "thank", "you", "selling", "buying", "market", "worth", "price", "prices",
            "months", "year", "next", "spring", "summer", "asap", "new", "old", "one", "two", "three", "an", "at", "by", "from",
            "your", "they", "them", "there", "here", "will", "was", "were", "has", "had", "been", "lol", "pls", "thx", "u", "r"));
    private static final Pattern WORD = Pattern.compile("[a-z']+");

    String guess(FoldedText text) {
        String original = text.original();
        int es = 0;
        int en = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == '¿' || c == '¡' || c == 'ñ' || c == 'Ñ') {
                es++;
            }
        }
        Matcher m = WORD.matcher(text.folded());
        while (m.find()) {
            String w = m.group();
            if (SPANISH.contains(w)) {
                es++;
            }
            if (ENGLISH.contains(w)) {
                en++;
            }
        }
        return es > en ? "es" : "en";
    }
}
