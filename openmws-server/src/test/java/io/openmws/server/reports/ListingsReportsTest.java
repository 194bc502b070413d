package io.openmws.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.catalog.Catalog;
import io.openmws.server.catalog.Listing;
import io.openmws.server.catalog.ListingChange;
import io.openmws.server.catalog.Rejection;
import io.openmws.server.testing.Fixtures;
import io.openmws.server.testing.JsonClient;
import io.openmws.server.testing.Listings;
import io.openmws.server.testing.OnBothDatabases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three listings reports (mws-data-apis.md §3.3) straight from their generator beans, run as the
 * engine runs them (in a read-only transaction, into a {@link ReportOutput}): exact headers, the value
 * formats of the samples, which listings each shows, one seller's rows only, the marketplaces asked for.
 * On H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OnBothDatabases
class ListingsReportsTest {

    static final String TOKEN = "test-operator-token-" + UUID.randomUUID();
    static final String US = "ATVPDKIKX0DER";
    static final String CA = "A2EUQ1WTGCTBG2";
    static final String MERCHANT_HEADER = "item-name\titem-description\tlisting-id\tseller-sku\tprice\tquantity\t"
            + "open-date\timage-url\titem-is-marketplace\tproduct-id-type\tzshop-shipping-fee\titem-note\t"
            + "item-condition\tzshop-category1\tzshop-browse-path\tzshop-storefront-feature\tasin1\tasin2\tasin3\t"
            + "will-ship-internationally\texpedited-shipping\tzshop-boldface\tproduct-id\tbid-for-featured-placement\t"
            + "add-delete\tpending-quantity\tfulfillment-channel\tmerchant-shipping-group";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("openmws.sandbox.operator-token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OpenListingsReport openListings;

    @Autowired
    MerchantListingsReport merchantListings;

    Fixtures fixtures;
    Listings listings;
    TransactionTemplate readOnly;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(new JsonClient(port, TOKEN));
        listings = new Listings(catalog, transactionManager, jdbc);
        readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
    }

    long seller(Object... fields) {
        return listings.accountId(fixtures.seller(Fixtures.fields(fields)).sellerId());
    }

    /** What the engine gets: the rows counted, the text as the bytes decode in the report's charset. */
    record Generated(long rows, List<String> lines) {
        List<String> columns(int line) {
            return Arrays.asList(lines.get(line).split("\t", -1));
        }
    }

    Generated generate(ReportGenerator generator, long accountId, String type, String... marketplaces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportOutput out = new ReportOutput(bytes, ReportOutput.charsetFor(List.of(marketplaces)));
        ReportJob job = new ReportJob(accountId, type, List.of(marketplaces), null, null, Map.of(), null,
                Instant.now());
        Long rows = readOnly.execute(s -> {
            try {
                return generator.generate(job, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String text = bytes.toString(out.charset());
        assertThat(text).endsWith("\n");
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        assertThat(lines).hasSize(rows.intValue() + 1);
        return new Generated(rows, lines);
    }

    void product(long accountId, String marketplace, String sku, ListingChange.Product product, String price,
                 Integer quantity) {
        List<?> rejected = new TransactionTemplate(transactionManager).execute(s -> catalog.apply(accountId,
                List.of(marketplace), null, List.of(new ListingChange(1, sku, ListingChange.Kind.REPLACE_PRODUCT,
                        product, new ListingChange.Offer(price == null ? null : new BigDecimal(price), null, null,
                                null, null, false, quantity, null)))));
        assertThat(rejected).isEmpty();
    }

    @Test
    void openListingsAreEveryLiveListingWithSkuAsinPriceAndQuantity() {
        long seller = seller();
        listings.offer(seller, US, "B-MUG", "10.50", 7, null);
        listings.offer(seller, US, "A-SOLD-OUT", "3.00", 0, null);
        listings.offer(seller, US, "C-NO-PRICE", null, 4, null);

        Generated report = generate(openListings, seller, ReportTypes.OPEN_LISTINGS, US);

        assertThat(report.lines().get(0)).isEqualTo("sku\tasin\tprice\tquantity");
        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.lines().subList(1, 3)).containsExactly(
                "A-SOLD-OUT\t" + asin(seller, US, "A-SOLD-OUT") + "\t3.00\t0",
                "B-MUG\t" + asin(seller, US, "B-MUG") + "\t10.50\t7");
    }

    @Test
    void activeListingsShowTheClassicColumnsInTheSamplesFormats() {
        long seller = seller();
        product(seller, US, "EAN-1", new ListingChange.Product("EAN", "4006381333931", "Stabilo pen, blue",
                "Stabilo", "Stabilo", "A pen that\twrites\nblue", null, null, "UsedGood", "Cap missing"), "1234.5", 3);
        listings.offer(seller, US, "SOLD-OUT", "3.00", 0, null);
        Listing ean = catalog.listing(seller, US, "EAN-1").orElseThrow();

        Generated report = generate(merchantListings, seller, ReportTypes.MERCHANT_LISTINGS, US);

        assertThat(report.lines().get(0)).isEqualTo(MERCHANT_HEADER);
        assertThat(report.rows()).isEqualTo(1);
        List<String> row = report.columns(1);
        assertThat(row).hasSize(28);
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        String opened = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US)
                .format(ean.createdAt().atZone(pacific));
        assertThat(opened).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d P[SD]T");
        String listingId = row.get(2);
        assertThat(listingId).matches("\\d{4}[0-9A-Z]{7}")
                .startsWith(DateTimeFormatter.ofPattern("MMdd").format(ean.createdAt().atZone(pacific)));
        assertThat(row).containsExactly("Stabilo pen, blue", "A pen that writes blue", listingId, "EAN-1", "1234.50",
                "3", opened, "", "y", "4", "", "Cap missing", "3", "", "", "", ean.asin(), "", "", "", "", "",
                "4006381333931", "", "", "", "DEFAULT", "Migrated Template");
        // The same listing keeps its listing-id from one report to the next.
        assertThat(generate(merchantListings, seller, ReportTypes.MERCHANT_LISTINGS, US).columns(1).get(2))
                .isEqualTo(listingId);
    }

    @Test
    void allListingsAddTheStatusOfEachAndStagedListingsAreNotActive() {
        long seller = seller();
        long staging = seller("staging", true);
        listings.offer(seller, US, "1-ACTIVE", "5.00", 2, null);
        listings.offer(seller, US, "2-INACTIVE", "5.00", 0, null);
        listings.offer(seller, US, "3-INCOMPLETE", "5.00", null, null);
        listings.offer(staging, US, "STAGED", "5.00", 2, null);
        listings.offer(staging, US, "STAGED-NO-PRICE", null, 2, null);

        Generated report = generate(merchantListings, seller, ReportTypes.MERCHANT_LISTINGS_ALL, US);
        Generated staged = generate(merchantListings, staging, ReportTypes.MERCHANT_LISTINGS_ALL, US);

        assertThat(report.lines().get(0)).isEqualTo(MERCHANT_HEADER + "\tstatus");
        assertThat(report.rows()).isEqualTo(3);
        assertThat(statuses(report)).containsExactly("1-ACTIVE=Active", "2-INACTIVE=Inactive",
                "3-INCOMPLETE=Incomplete");
        assertThat(report.columns(3).get(5)).isEmpty();
        assertThat(statuses(staged)).containsExactly("STAGED=Inactive", "STAGED-NO-PRICE=Incomplete");
        assertThat(generate(merchantListings, staging, ReportTypes.MERCHANT_LISTINGS, US).rows()).isZero();
        assertThat(generate(openListings, staging, ReportTypes.OPEN_LISTINGS, US).rows()).isZero();
    }

    @Test
    void aProductIdWithoutALoaderCodeShowsTheAsinAndListingIdsDiffer() {
        long seller = seller();
        listings.offer(seller, US, "UPC-1", "5.00", 2, null);
        product(seller, US, "GTIN-1", new ListingChange.Product("GTIN", "00012345678905", "A thing", null, null, null,
                null, null, "CollectibleLikeNew", null), "6.00", 1);

        Generated report = generate(merchantListings, seller, ReportTypes.MERCHANT_LISTINGS, US);
        List<String> gtin = report.columns(1);
        List<String> upc = report.columns(2);

        assertThat(upc.get(9)).isEqualTo("3");
        assertThat(upc.get(22)).matches("\\d{12}");
        assertThat(upc.get(12)).isEqualTo("11");
        assertThat(gtin.get(3)).isEqualTo("GTIN-1");
        assertThat(gtin.get(9)).isEqualTo("1");
        assertThat(gtin.get(22)).isEqualTo(asin(seller, US, "GTIN-1"));
        assertThat(gtin.get(16)).isEqualTo(asin(seller, US, "GTIN-1"));
        assertThat(gtin.get(12)).isEqualTo("5");
        assertThat(gtin.get(2)).isNotEqualTo(upc.get(2));
    }

    @Test
    void anEmptySellerHasOnlyTheHeaderAndNeverAnotherSellersRows() {
        long empty = seller();
        long other = seller();
        listings.offer(other, US, "THEIRS", "5.00", 2, null);

        for (String type : List.of(ReportTypes.MERCHANT_LISTINGS, ReportTypes.MERCHANT_LISTINGS_ALL)) {
            Generated report = generate(merchantListings, empty, type, US);
            assertThat(report.rows()).isZero();
            assertThat(report.lines()).hasSize(1);
        }
        Generated open = generate(openListings, empty, ReportTypes.OPEN_LISTINGS, US);
        assertThat(open.rows()).isZero();
        assertThat(open.lines()).containsExactly("sku\tasin\tprice\tquantity");
    }

    @Test
    void onlyTheMarketplacesAskedForAreShownEachInItsOwnLocalTime() {
        long seller = seller("marketplaces", List.of(US, CA));
        listings.offer(seller, US, "IN-US", "5.00", 2, null);
        listings.offer(seller, CA, "IN-CA", "7.00", 2, null);

        assertThat(skus(generate(openListings, seller, ReportTypes.OPEN_LISTINGS, US))).containsExactly("IN-US");
        assertThat(skus(generate(openListings, seller, ReportTypes.OPEN_LISTINGS, CA))).containsExactly("IN-CA");
        Generated both = generate(merchantListings, seller, ReportTypes.MERCHANT_LISTINGS_ALL, US, CA);
        assertThat(both.rows()).isEqualTo(2);
        assertThat(both.columns(1).get(6)).matches(".* P[SD]T");
    }

    @Test
    void moreListingsThanOneFetchAllArriveInSkuOrder() {
        long seller = seller();
        List<ListingChange> changes = new ArrayList<>();
        int count = 2_345;
        for (int i = 0; i < count; i++) {
            changes.add(new ListingChange(i + 1, String.format("SKU-%05d", i), ListingChange.Kind.REPLACE_PRODUCT,
                    new ListingChange.Product("UPC", String.format("%012d", 700_000_000_000L + seller * 10_000 + i),
                            "Item " + i, null, null, null, null, null, "New", null),
                    new ListingChange.Offer(new BigDecimal("1.00"), null, null, null, null, false, 1, null)));
        }
        List<Rejection> rejected = new TransactionTemplate(transactionManager).execute(s -> catalog.apply(seller,
                List.of(US), null, changes));
        assertThat(rejected).isEmpty();

        Generated report = generate(merchantListings, seller, ReportTypes.MERCHANT_LISTINGS, US);

        assertThat(report.rows()).isEqualTo(count);
        List<String> skus = skus(report);
        assertThat(skus).isSorted().doesNotHaveDuplicates().hasSize(count);
        assertThat(new HashSet<>(report.lines().stream().skip(1).map(l -> l.split("\t")[2]).toList())).hasSize(count);
    }

    String asin(long accountId, String marketplace, String sku) {
        return catalog.listing(accountId, marketplace, sku).orElseThrow().asin();
    }

    /** The SKU of each row: the first column of the open listings report, seller-sku of the others. */
    static List<String> skus(Generated report) {
        int column = report.columns(0).indexOf("seller-sku");
        return report.lines().stream().skip(1).map(l -> l.split("\t", -1)[Math.max(column, 0)]).toList();
    }

    static List<String> statuses(Generated report) {
        return report.lines().stream().skip(1).map(l -> l.split("\t", -1)).map(c -> c[3] + "=" + c[28]).toList();
    }
}
