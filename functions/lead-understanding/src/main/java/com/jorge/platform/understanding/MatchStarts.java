package com.jorge.platform.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The characters a regex's non-empty matches can begin with, read from its source: the FIRST set of
 * the expression, a superset never a subset. Zero-width parts (anchors, {@code \b}, look-arounds) add
 * nothing and may be skipped; a quantified part that may repeat zero times lets the next part start the
 * match too. Only the syntax the lexicon uses is read: literals, escapes, classes, groups,
 * alternation, quantifiers, look-arounds. Anything else (inline flags, named groups, back-references,
 * Unicode properties, class intersections) gives no answer, and the caller searches every position.
 */
final class MatchStarts {

    private final boolean[] ascii;
    private final boolean nonAscii;

    private MatchStarts(boolean[] ascii, boolean nonAscii) {
        this.ascii = ascii;
        this.nonAscii = nonAscii;
    }

    boolean canStartWith(char c) {
        return c < 128 ? ascii[c] : nonAscii;
    }

    boolean canStartNonAscii() {
        return nonAscii;
    }

    /**
     * The top-level branches of {@code regex} ({@code a|b(c|d)} gives {@code a} and {@code b(c|d)}), or
     * empty when it cannot be read.
     */
    static Optional<List<String>> branches(String regex) {
        try {
            Reader reader = new Reader(regex);
            List<String> out = new ArrayList<>();
            int start = 0;
            while (true) {
                reader.sequence();
                out.add(regex.substring(start, reader.pos));
                if (reader.pos < regex.length() && regex.charAt(reader.pos) == '|') {
                    start = ++reader.pos;
                    continue;
                }
                return reader.pos == regex.length() ? Optional.of(out) : Optional.empty();
            }
        } catch (Unreadable e) {
            return Optional.empty();
        }
    }

    /** The start characters of {@code regex}, or empty when it cannot be read or may match the empty string. */
    static Optional<MatchStarts> of(String regex) {
        try {
            Reader reader = new Reader(regex);
            Node node = reader.alternation();
            if (reader.pos != regex.length() || node.nullable) {
                return Optional.empty();
            }
            return Optional.of(new MatchStarts(node.first.ascii, node.first.nonAscii));
        } catch (Unreadable e) {
            return Optional.empty();
        }
    }

    /** A set of characters: the ASCII ones one by one, everything above as one flag. */
    private static final class Chars {
        final boolean[] ascii = new boolean[128];
        boolean nonAscii;

        static Chars any() {
            Chars c = new Chars();
            java.util.Arrays.fill(c.ascii, true);
            c.nonAscii = true;
            return c;
        }

        void add(char c) {
            if (c < 128) {
                ascii[c] = true;
            } else {
                nonAscii = true;
            }
        }

        void addRange(char from, char to) {
            for (int c = from; c <= to; c++) {
                add((char) c);
            }
        }

        void addAll(Chars other) {
            for (int i = 0; i < 128; i++) {
                ascii[i] |= other.ascii[i];
            }
            nonAscii |= other.nonAscii;
        }
    }

    /** What a part of the expression may start with, and whether it may match nothing. */
    private record Node(Chars first, boolean nullable) {
        static Node zeroWidth() {
            return new Node(new Chars(), true);
        }
    }

    private static final class Unreadable extends Exception {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final String s;
        int pos;

        Reader(String s) {
            this.s = s;
        }

        Node alternation() throws Unreadable {
            Chars first = new Chars();
            boolean nullable = false;
            while (true) {
                Node branch = sequence();
                first.addAll(branch.first);
                nullable |= branch.nullable;
                if (pos < s.length() && s.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                return new Node(first, nullable);
            }
        }

        Node sequence() throws Unreadable {
            Chars first = new Chars();
            boolean nullable = true;
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                Node part = quantified(atom());
                if (nullable) {
                    first.addAll(part.first);
                    nullable = part.nullable;
                }
            }
            return new Node(first, nullable);
        }

        private Node quantified(Node atom) throws Unreadable {
            if (pos >= s.length()) {
                return atom;
            }
            char q = s.charAt(pos);
            boolean optional;
            if (q == '?' || q == '*') {
                pos++;
                optional = true;
            } else if (q == '+') {
                pos++;
                optional = false;
            } else if (q == '{') {
                int close = s.indexOf('}', pos);
                if (close < 0) {
                    throw new Unreadable();
                }
                String bounds = s.substring(pos + 1, close);
                if (!bounds.matches("\\d+(,\\d*)?")) {
                    throw new Unreadable();
                }
                optional = Integer.parseInt(bounds.split(",")[0]) == 0;
                pos = close + 1;
            } else {
                return atom;
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same characters can start it
            }
            return optional ? new Node(atom.first, true) : atom;
        }

        private Node atom() throws Unreadable {
            char c = s.charAt(pos++);
            switch (c) {
                case '(' -> {
                    boolean lookaround = false;
                    if (s.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (s.startsWith("?=", pos) || s.startsWith("?!", pos)) {
                        pos += 2;
                        lookaround = true;
                    } else if (s.startsWith("?<=", pos) || s.startsWith("?<!", pos)) {
                        pos += 3;
                        lookaround = true;
                    } else if (pos < s.length() && s.charAt(pos) == '?') {
                        throw new Unreadable(); // inline flags, named or atomic groups
                    }
                    Node inner = alternation();
                    if (pos >= s.length() || s.charAt(pos) != ')') {
                        throw new Unreadable();
                    }
                    pos++;
                    return lookaround ? Node.zeroWidth() : inner;
                }
                case '[' -> {
                    return new Node(characterClass(), false);
                }
                case '\\' -> {
                    return escape();
                }
                case '.' -> {
                    return new Node(Chars.any(), false);
                }
                case '^', '$' -> {
                    return Node.zeroWidth();
                }
                case ')', '|', '*', '+', '?', '{' -> throw new Unreadable();
                default -> {
                    Chars one = new Chars();
                    one.add(c);
                    return new Node(one, false);
                }
            }
        }

        private Node escape() throws Unreadable {
            if (pos >= s.length()) {
                throw new Unreadable();
            }
            char e = s.charAt(pos++);
            return switch (e) {
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> Node.zeroWidth();
                default -> new Node(escapedClass(e), false);
            };
        }

        /** The characters of an escape that matches one character ({@code \w}, {@code \.}, {@code \n}...). */
        private Chars escapedClass(char e) throws Unreadable {
            Chars set = new Chars();
            switch (e) {
                case 'w' -> {
                    set.addRange('a', 'z');
                    set.addRange('A', 'Z');
                    set.addRange('0', '9');
                    set.add('_');
                }
                case 'd' -> set.addRange('0', '9');
                case 's' -> {
                    for (char w : new char[] {' ', '\t', '\n', '\u000B', '\f', '\r'}) {
                        set.add(w);
                    }
                }
                case 'W', 'D', 'S' -> {
                    return Chars.any();
                }
                case 'n' -> set.add('\n');
                case 't' -> set.add('\t');
                case 'r' -> set.add('\r');
                case 'f' -> set.add('\f');
                default -> {
                    if (Character.isLetterOrDigit(e)) {
                        throw new Unreadable(); // properties, hex and code-point escapes, back-references, quoting: not read here
                    }
                    set.add(e);
                }
            }
            return set;
        }

        private Chars characterClass() throws Unreadable {
            if (pos < s.length() && s.charAt(pos) == '^') {
                // a negated class can start with almost anything; skip it and answer "any"
                pos++;
                skipClassBody();
                return Chars.any();
            }
            Chars set = new Chars();
            boolean firstItem = true;
            while (true) {
                if (pos >= s.length()) {
                    throw new Unreadable();
                }
                char c = s.charAt(pos++);
                if (c == ']' && !firstItem) {
                    return set;
                }
                firstItem = false;
                if (c == '[' || (c == '&' && pos < s.length() && s.charAt(pos) == '&')) {
                    throw new Unreadable(); // nested classes and intersections
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw new Unreadable();
                    }
                    char e = s.charAt(pos++);
                    Chars escaped = escapedClass(e);
                    if (isSingle(e) && rangeFollows()) {
                        set.addRange(single(e), rangeEnd());
                    } else {
                        set.addAll(escaped);
                    }
                    continue;
                }
                if (rangeFollows()) {
                    set.addRange(c, rangeEnd());
                } else {
                    set.add(c);
                }
            }
        }

        private void skipClassBody() throws Unreadable {
            boolean firstItem = true;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '\\') {
                    pos++;
                } else if (c == '[') {
                    throw new Unreadable();
                } else if (c == ']' && !firstItem) {
                    return;
                }
                firstItem = false;
            }
            throw new Unreadable();
        }

        private boolean rangeFollows() {
            return pos + 1 < s.length() && s.charAt(pos) == '-' && s.charAt(pos + 1) != ']';
        }

        private char rangeEnd() throws Unreadable {
            pos++; // the '-'
            char end = s.charAt(pos++);
            if (end == '\\') {
                if (pos >= s.length()) {
                    throw new Unreadable();
                }
                char e = s.charAt(pos++);
                if (!isSingle(e)) {
                    throw new Unreadable();
                }
                return single(e);
            }
            return end;
        }

        private static boolean isSingle(char e) {
            return !Character.isLetterOrDigit(e) || e == 'n' || e == 't' || e == 'r' || e == 'f';
        }

        private static char single(char e) {
            return switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'f' -> '\f';
                default -> e;
            };
        }
    }
}
