package com.jorge.platform.search.listing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed King County sample ({@code search/king-county/listings.csv}, CC0, see LICENSE.txt
 * beside it): 2,678 houses, each at its latest sale, the sale price standing in for the asking price.
 */
public final class KingCountyListings {

    public static final String SAMPLE = "/search/king-county/listings.csv";
    private static final String HEADER =
            "id,date,price,bedrooms,bathrooms,sqft_living,sqft_lot,floors,waterfront,view,condition,grade,sqft_basement,yr_built,yr_renovated,zipcode,lat,long";

    private KingCountyListings() {}

    public static List<Listing> sample() {
        return read(SAMPLE);
    }

    static List<Listing> read(String resource) {
        try (InputStream in = KingCountyListings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("listing sample missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("unexpected listing header in " + resource + ": " + header);
            }
            List<Listing> out = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                try {
                    out.add(parse(line.split(",", -1)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": " + e.getMessage(), e);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Listing parse(String[] f) {
        if (f.length != 18) {
            throw new IllegalArgumentException("want 18 fields, found " + f.length);
        }
        return new Listing(Long.parseLong(f[0]), Math.round(Double.parseDouble(f[2])), Integer.parseInt(f[3]),
                new BigDecimal(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), new BigDecimal(f[7]),
                !f[8].isEmpty() && Double.parseDouble(f[8]) >= 1, whole(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]),
                whole(f[12]), Integer.parseInt(f[13]), whole(f[14]), f[15], Double.parseDouble(f[16]), Double.parseDouble(f[17]),
                ListingStatus.ACTIVE);
    }

    /** The source leaves some view, basement and renovation fields blank or "?": unknown reads as none. */
    private static int whole(String field) {
        return field.isEmpty() || field.equals("?") ? 0 : (int) Math.round(Double.parseDouble(field));
    }
}
