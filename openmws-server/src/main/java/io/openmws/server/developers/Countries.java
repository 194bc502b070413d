package io.openmws.server.developers;

import io.openmws.protocol.marketplace.Marketplace;
import io.openmws.protocol.marketplace.Marketplaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The countries a registered address can be in: the ISO 3166-1 countries the JDK knows, named in
 * English, with the marketplace countries offered first.
 */
final class Countries {

    /** One choice of the country list. */
    public record Country(String code, String name) {}

    /**
     * Countries whose addresses have no postal code: the postal code field may stay empty there.
     * (The list of Google's address data, libaddressinput, for countries without a postal code.)
     */
    private static final Set<String> WITHOUT_POSTAL_CODES = Set.of(
            "AE", "AG", "AN", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW", "BZ", "CD", "CF", "CG", "CI", "CK",
            "CM", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "KI", "KM", "KN", "KP", "LY",
            "MO", "ML", "MR", "NR", "NU", "QA", "RW", "SB", "SC", "SL", "SR", "ST", "SY", "TF", "TG", "TK", "TL",
            "TO", "TV", "UG", "VU", "YE", "ZW");

    private static final Map<String, Country> ALL = load();
    private static final List<Country> MARKETPLACE_COUNTRIES = Marketplaces.all().stream()
            .map(Marketplace::countryCode)
            .distinct()
            .map(ALL::get)
            .sorted(Comparator.comparing(Country::name))
            .toList();

    private Countries() {}

    private static Map<String, Country> load() {
        List<Country> countries = new ArrayList<>();
        for (String code : Locale.getISOCountries()) {
            countries.add(new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)));
        }
        countries.sort(Comparator.comparing(Country::name));
        Map<String, Country> byCode = new LinkedHashMap<>();
        countries.forEach(c -> byCode.put(c.code(), c));
        return byCode;
    }

    /** Every country that has no marketplace, by English name. */
    static List<Country> others() {
        return ALL.values().stream().filter(c -> !MARKETPLACE_COUNTRIES.contains(c)).toList();
    }

    /** The countries of the marketplaces, by English name. */
    static List<Country> ofMarketplaces() {
        return MARKETPLACE_COUNTRIES;
    }

    static boolean known(String code) {
        return code != null && ALL.containsKey(code);
    }

    static String name(String code) {
        Country country = code == null ? null : ALL.get(code);
        return country == null ? "" : country.name();
    }

    static boolean hasPostalCodes(String code) {
        return !WITHOUT_POSTAL_CODES.contains(code);
    }
}
