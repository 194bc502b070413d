package io.openmws.server.orders;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up buyers for orders that name none: a name, an anonymized address at
 * {@code marketplace.amazon.com} as MWS shows buyers' emails, and a residential shipping address in
 * the marketplace's country from a small table per country (city, region, postal code shape, street).
 * Nothing here is a real person; streets and postal codes only look right.
 */
final class Buyers {

    static final String EMAIL_DOMAIN = "@marketplace.amazon.com";

    private static final List<String> FIRST = List.of("Alex", "Maria", "Sam", "Yuki", "Priya", "Jonas", "Lea",
            "Omar", "Chen", "Sofia", "Luca", "Emma", "Noah", "Aisha", "Mateo", "Hanna", "Ravi", "Elif", "Kenji", "Ana");
    private static final List<String> LAST = List.of("Smith", "Garcia", "Müller", "Tanaka", "Sharma", "Rossi",
            "Martin", "Kowalski", "Silva", "Nguyen", "Andersson", "Yilmaz", "Brown", "Dubois", "Hassan", "Lopez",
            "Schmidt", "Kim", "Jansen", "Novak");
    private static final String EMAIL_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * One place of a country: city, state or region (null where addresses have none), the postal
     * code's shape ({@code #} a digit, {@code A} a letter, anything else itself) and the street line's
     * pattern ({@code %d} the house number).
     */
    record Place(String city, String region, String postalShape, String street) {}

    static final Map<String, List<Place>> PLACES = Map.ofEntries(
            Map.entry("US", List.of(new Place("Seattle", "WA", "981##", "%d Pine Street"),
                    new Place("Austin", "TX", "787##", "%d Congress Avenue"),
                    new Place("Columbus", "OH", "432##", "%d High Street"))),
            Map.entry("CA", List.of(new Place("Toronto", "ON", "M#A #A#", "%d Queen Street West"),
                    new Place("Vancouver", "BC", "V#A #A#", "%d Granville Street"))),
            Map.entry("MX", List.of(new Place("Guadalajara", "Jalisco", "44###", "Avenida Juárez %d"),
                    new Place("Monterrey", "Nuevo León", "64###", "Calle Morelos %d"))),
            Map.entry("BR", List.of(new Place("São Paulo", "SP", "0####-###", "Rua Augusta, %d"),
                    new Place("Curitiba", "PR", "80###-###", "Rua XV de Novembro, %d"))),
            Map.entry("AE", List.of(new Place("Dubai", "Dubai", null, "Villa %d, Al Wasl Road"),
                    new Place("Abu Dhabi", "Abu Dhabi", null, "Building %d, Hamdan Street"))),
            Map.entry("DE", List.of(new Place("Berlin", null, "10###", "Hauptstraße %d"),
                    new Place("München", null, "80###", "Lindenstraße %d"))),
            Map.entry("EG", List.of(new Place("Cairo", "Cairo", "11###", "%d Tahrir Street"),
                    new Place("Alexandria", "Alexandria", "21###", "%d Corniche Road"))),
            Map.entry("ES", List.of(new Place("Madrid", "Madrid", "28###", "Calle Mayor, %d"),
                    new Place("Valencia", "Valencia", "46###", "Calle de Colón, %d"))),
            Map.entry("FR", List.of(new Place("Lyon", null, "69###", "%d rue de la République"),
                    new Place("Paris", null, "75###", "%d rue des Lilas"))),
            Map.entry("BE", List.of(new Place("Bruxelles", null, "1###", "Rue Neuve %d"),
                    new Place("Antwerpen", null, "2###", "Meir %d"))),
            Map.entry("GB", List.of(new Place("Manchester", null, "M# #AA", "%d High Street"),
                    new Place("Leeds", null, "LS# #AA", "%d Station Road"))),
            Map.entry("IN", List.of(new Place("Bengaluru", "Karnataka", "560###", "%d MG Road"),
                    new Place("Pune", "Maharashtra", "411###", "%d FC Road"))),
            Map.entry("IT", List.of(new Place("Milano", "MI", "201##", "Via Roma %d"),
                    new Place("Torino", "TO", "101##", "Via Garibaldi %d"))),
            Map.entry("NL", List.of(new Place("Utrecht", null, "35## AA", "Kerkstraat %d"),
                    new Place("Rotterdam", null, "30## AA", "Molenweg %d"))),
            Map.entry("PL", List.of(new Place("Kraków", null, "3#-###", "ul. Długa %d"),
                    new Place("Gdańsk", null, "8#-###", "ul. Polna %d"))),
            Map.entry("SA", List.of(new Place("Riyadh", "Riyadh", "1####", "%d King Fahd Road"),
                    new Place("Jeddah", "Makkah", "2####", "%d Tahlia Street"))),
            Map.entry("SE", List.of(new Place("Göteborg", null, "41# ##", "Storgatan %d"),
                    new Place("Uppsala", null, "75# ##", "Kungsgatan %d"))),
            Map.entry("TR", List.of(new Place("İzmir", "İzmir", "35###", "Atatürk Caddesi No: %d"),
                    new Place("Ankara", "Ankara", "06###", "Cumhuriyet Caddesi No: %d"))),
            Map.entry("SG", List.of(new Place("Singapore", null, "######", "%d Orchard Road"),
                    new Place("Singapore", null, "######", "%d Tampines Street 21"))),
            Map.entry("AU", List.of(new Place("Melbourne", "VIC", "3###", "%d Collins Street"),
                    new Place("Brisbane", "QLD", "4###", "%d Queen Street"))),
            Map.entry("JP", List.of(new Place("Shibuya-ku", "Tokyo", "150-####", "%d-2-3 Jingumae"),
                    new Place("Kita-ku", "Osaka", "530-####", "%d-4-1 Umeda"))),
            Map.entry("CN", List.of(new Place("Shanghai", "Shanghai", "200###", "%d Nanjing Road"),
                    new Place("Chengdu", "Sichuan", "610###", "%d Renmin Road"))));

    private Buyers() {}

    static String name() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return FIRST.get(r.nextInt(FIRST.size())) + " " + LAST.get(r.nextInt(LAST.size()));
    }

    /** An anonymized address like MWS shows: 15 random letters and digits at marketplace.amazon.com. */
    static String email() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(15 + EMAIL_DOMAIN.length());
        for (int i = 0; i < 15; i++) {
            b.append(EMAIL_ALPHABET.charAt(r.nextInt(EMAIL_ALPHABET.length())));
        }
        return b.append(EMAIL_DOMAIN).toString();
    }

    /** A residential address in the country for this recipient. */
    static Address address(String name, String countryCode) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<Place> places = PLACES.getOrDefault(countryCode, PLACES.get("US"));
        Place p = places.get(r.nextInt(places.size()));
        return new Address(name, String.format(Locale.ROOT, p.street(), 1 + r.nextInt(199)), null, null, p.city(),
                null, null, p.region(), p.postalShape() == null ? null : postalCode(p.postalShape()),
                PLACES.containsKey(countryCode) ? countryCode : "US", null, "Residential");
    }

    static String postalCode(String shape) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder b = new StringBuilder(shape.length());
        for (char c : shape.toCharArray()) {
            b.append(switch (c) {
                case '#' -> (char) ('0' + r.nextInt(10));
                case 'A' -> (char) ('A' + r.nextInt(26));
                default -> c;
            });
        }
        return b.toString();
    }
}
