import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints "STATE: code code ..." for every NANP area code libphonenumber's geocoder places in a US state,
 * DC or territory (the lines of area-code-states.txt below its header). Run by generate.sh.
 */
public class AreaCodeStates {

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("Alabama", "AL"), Map.entry("Alaska", "AK"), Map.entry("Arizona", "AZ"), Map.entry("Arkansas", "AR"),
            Map.entry("California", "CA"), Map.entry("Colorado", "CO"), Map.entry("Connecticut", "CT"), Map.entry("Delaware", "DE"),
            Map.entry("Washington D.C.", "DC"), Map.entry("Florida", "FL"), Map.entry("Georgia", "GA"), Map.entry("Hawaii", "HI"),
            Map.entry("Idaho", "ID"), Map.entry("Illinois", "IL"), Map.entry("Indiana", "IN"), Map.entry("Iowa", "IA"),
            Map.entry("Kansas", "KS"), Map.entry("Kentucky", "KY"), Map.entry("Louisiana", "LA"), Map.entry("Maine", "ME"),
            Map.entry("Maryland", "MD"), Map.entry("Massachusetts", "MA"), Map.entry("Michigan", "MI"), Map.entry("Minnesota", "MN"),
            Map.entry("Mississippi", "MS"), Map.entry("Missouri", "MO"), Map.entry("Montana", "MT"), Map.entry("Nebraska", "NE"),
            Map.entry("Nevada", "NV"), Map.entry("New Hampshire", "NH"), Map.entry("New Jersey", "NJ"), Map.entry("New Mexico", "NM"),
            Map.entry("New York", "NY"), Map.entry("North Carolina", "NC"), Map.entry("North Dakota", "ND"), Map.entry("Ohio", "OH"),
            Map.entry("Oklahoma", "OK"), Map.entry("Oregon", "OR"), Map.entry("Pennsylvania", "PA"), Map.entry("Rhode Island", "RI"),
            Map.entry("South Carolina", "SC"), Map.entry("South Dakota", "SD"), Map.entry("Tennessee", "TN"), Map.entry("Texas", "TX"),
            Map.entry("Utah", "UT"), Map.entry("Vermont", "VT"), Map.entry("Virginia", "VA"), Map.entry("Washington State", "WA"),
            Map.entry("West Virginia", "WV"), Map.entry("Wisconsin", "WI"), Map.entry("Wyoming", "WY"), Map.entry("Philadelphia", "PA"));
    private static final Set<String> TERRITORIES = Set.of("PR", "VI", "GU", "AS", "MP");
    private static final Pattern CITY_STATE = Pattern.compile(", ([A-Z]{2})$");

    public static void main(String[] args) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
        Map<String, Set<String>> byState = new TreeMap<>();
        for (int npa = 200; npa <= 999; npa++) {
            // 555-01xx numbers are fictional: the description falls back to the area code's own entry
            PhoneNumber fictional = new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(npa + "5550100"));
            PhoneNumber any = new PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(npa + "2345678"));
            String region = util.getRegionCodeForNumber(any);
            String state = null;
            if (region != null && TERRITORIES.contains(region)) {
                state = region;
            } else if ("US".equals(region)) {
                String description = geocoder.getDescriptionForValidNumber(fictional, Locale.ENGLISH);
                state = STATES.get(description);
                Matcher city = CITY_STATE.matcher(description);
                if (state == null && city.find()) state = city.group(1);
            }
            if (state != null) byState.computeIfAbsent(state, k -> new TreeSet<>()).add(String.valueOf(npa));
        }
        byState.forEach((state, codes) -> System.out.println(state + ": " + String.join(" ", codes)));
    }
}
