package com.jorge.platform.understanding;

import java.util.BitSet;

/** The US five-digit zip codes in use (understanding/us-zips.txt), as a bit set: 12.5 KB, constant-time lookup. */
final class UsZipCodes {

    private final BitSet codes;

    private UsZipCodes(BitSet codes) {
        this.codes = codes;
    }

    static UsZipCodes load(String resource) {
        BitSet codes = new BitSet(100_000);
        for (String line : PlaceNames.lines(resource)) {
            if (line.length() != 5) {
                throw new IllegalStateException("not a five-digit zip code in " + resource + ": " + line);
            }
            codes.set(Integer.parseInt(line));
        }
        return new UsZipCodes(codes);
    }

    boolean contains(String fiveDigits) {
        return fiveDigits.length() == 5 && codes.get(Integer.parseInt(fiveDigits));
    }
}
