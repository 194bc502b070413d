package io.openmws.server.developers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An address in the order its country writes it, one line per entry, the country's name last. The
 * patterns follow the notation of Google's libaddressinput: {@code %A} street, {@code %C} city,
 * {@code %S} state or region, {@code %Z} postal code, a newline between lines. A country without a
 * pattern of its own gets {@link #DEFAULT}. Empty parts are left out with the separators around them.
 */
final class AddressFormat {

    static final String DEFAULT = "%A\n%Z %C\n%S";

    static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("US", "%A\n%C, %S %Z"),
            Map.entry("CA", "%A\n%C %S %Z"),
            Map.entry("AU", "%A\n%C %S %Z"),
            Map.entry("GB", "%A\n%C\n%Z"),
            Map.entry("IE", "%A\n%C\n%S\n%Z"),
            Map.entry("DE", "%A\n%Z %C"),
            Map.entry("AT", "%A\n%Z %C"),
            Map.entry("CH", "%A\n%Z %C"),
            Map.entry("FR", "%A\n%Z %C"),
            Map.entry("NL", "%A\n%Z %C"),
            Map.entry("BE", "%A\n%Z %C"),
            Map.entry("SE", "%A\n%Z %C"),
            Map.entry("PL", "%A\n%Z %C"),
            Map.entry("IT", "%A\n%Z %C %S"),
            Map.entry("ES", "%A\n%Z %C %S"),
            Map.entry("MX", "%A\n%Z %C, %S"),
            Map.entry("BR", "%A\n%C-%S\n%Z"),
            Map.entry("IN", "%A\n%C %Z\n%S"),
            Map.entry("JP", "\u3012%Z\n%S %C\n%A"),
            Map.entry("CN", "%Z\n%S %C\n%A"));

    private AddressFormat() {}

    /** The lines of the address, the country's name (as {@link Countries} says it) last. */
    static List<String> lines(String countryCode, String stateOrRegion, String city, String postalCode, String street) {
        String code = countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT);
        String pattern = PATTERNS.getOrDefault(code, DEFAULT);
        List<String> lines = new ArrayList<>();
        for (String line : pattern.split("\n", -1)) {
            String filled = fill(line, 'A', street);
            filled = fill(filled, 'C', city);
            filled = fill(filled, 'S', stateOrRegion);
            filled = fill(filled, 'Z', postalCode);
            String tidy = tidy(filled);
            if (!tidy.isEmpty() && !tidy.equals("\u3012")) {
                lines.add(tidy);
            }
        }
        String country = code.isEmpty() ? null : Countries.name(code);
        if (country != null && !country.isEmpty()) {
            lines.add(country);
        }
        return lines;
    }

    private static String fill(String line, char field, String value) {
        // An empty part leaves a marker that tidy() removes with its separator.
        return line.replace("%" + field, value == null || value.isBlank() ? "\u0000" : value.strip());
    }

    private static String tidy(String line) {
        String s = line
                .replaceAll("\u0000\\s*[,-]\\s*", "")     // empty part before a separator
                .replaceAll("\\s*[,-]\\s*\u0000", "")     // empty part after a separator
                .replace("\u0000", "")
                .replaceAll("\\s{2,}", " ")
                .strip();
        return s;
    }
}
