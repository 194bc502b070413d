package io.openmws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlatFileReport} reads the report layouts of spec §3.3 by column name, whatever their order, their
 * extra columns, their line ends, a byte order mark or their charset, one row at a time.
 */
class FlatFileReportTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static FlatFileReport report(String text, Charset charset) {
        return FlatFileReport.read(new ByteArrayInputStream(text.getBytes(charset)), charset);
    }

    @Test
    void rowsAreReadByHeaderNameWhateverTheColumnOrderAndExtraColumns() {
        String classic = "sku\tasin\tprice\tquantity\nMUG-1\tB00EXAMPLE\t12.50\t10\nMUG-2\tB00EXAMPL2\t8.00\t0\n";
        // An EU variant: columns reordered, business-price columns added.
        String drifted = "quantity\tBusiness Price\tprice\tsku\tQuantity Price Type\tasin\n"
                + "10\t11.00\t12.50\tMUG-1\t\tB00EXAMPLE\n0\t\t8.00\tMUG-2\t\tB00EXAMPL2\n";

        for (String text : List.of(classic, drifted)) {
            try (FlatFileReport report = report(text, WINDOWS_1252)) {
                List<Map<String, Object>> rows = report.rows().map(r -> Map.<String, Object>of("sku", r.get("sku"),
                        "price", r.decimal("price").orElseThrow(), "quantity", r.get("quantity"))).toList();

                assertThat(rows).containsExactly(
                        Map.of("sku", "MUG-1", "price", new BigDecimal("12.50"), "quantity", "10"),
                        Map.of("sku", "MUG-2", "price", new BigDecimal("8.00"), "quantity", "0"));
            }
        }
    }

    @Test
    void crLfEndsAByteOrderMarkShortRowsAndBlankLinesAreTolerated() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "sku\tproduct-name\tquantity\r\nK\u00c4SE-1\tK\u00e4se \u20ac\t3\r\n\r\nSHORT-1\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);

        // Windows-1252 is asked for, but the byte order mark says UTF-8, and wins.
        try (FlatFileReport report = FlatFileReport.read(new ByteArrayInputStream(bytes), WINDOWS_1252)) {
            assertThat(report.header()).containsExactly("sku", "product-name", "quantity");
            List<FlatFileReport.Row> rows = report.rows().toList();

            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("sku")).isEqualTo("K\u00c4SE-1");
            assertThat(rows.get(0).get("product-name")).isEqualTo("K\u00e4se \u20ac");
            assertThat(rows.get(0).get("quantity")).isEqualTo("3");
            assertThat(rows.get(0).lineNumber()).isEqualTo(2);
            assertThat(rows.get(1).get("sku")).isEqualTo("SHORT-1");
            assertThat(rows.get(1).get("quantity")).isEmpty();
            assertThat(rows.get(1).find("quantity")).isEmpty();
            assertThat(rows.get(1).lineNumber()).isEqualTo(4);
        }
    }

    @Test
    void theCharsetComesFromTheContentTypeWithWindows1252ByDefault(@TempDir Path dir) throws Exception {
        assertThat(FlatFileReport.charsetOf("text/plain;charset=Shift_JIS")).isEqualTo(Charset.forName("Shift_JIS"));
        assertThat(FlatFileReport.charsetOf("text/plain; charset=\"UTF-8\"")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FlatFileReport.charsetOf("text/plain")).isEqualTo(WINDOWS_1252);
        assertThat(FlatFileReport.charsetOf(null)).isEqualTo(WINDOWS_1252);
        assertThat(FlatFileReport.charsetOf("text/plain;charset=x-no-such-charset")).isEqualTo(WINDOWS_1252);

        Path japanese = dir.resolve("jp.txt");
        Files.write(japanese, "sku\titem-name\nJP-1\t\u6728\u88fd\u6c7d\u8eca\n".getBytes(Charset.forName("Shift_JIS")));
        try (FlatFileReport report = FlatFileReport.open(japanese, FlatFileReport.charsetOf("text/plain;charset=Shift_JIS"))) {
            assertThat(report.rows().map(r -> r.get("item-name"))).containsExactly("\u6728\u88fd\u6c7d\u8eca");
        }
        Path western = dir.resolve("us.txt");
        Files.write(western, "sku\titem-name\nUS-1\tCr\u00e8me br\u00fbl\u00e9e \u2013 6 oz\n".getBytes(WINDOWS_1252));
        try (FlatFileReport report = FlatFileReport.open(western)) {
            assertThat(report.rows().map(r -> r.get("item-name"))).containsExactly("Cr\u00e8me br\u00fbl\u00e9e \u2013 6 oz");
        }
    }

    @Test
    void anUnknownColumnNamesTheColumnsThereAreAndCaseIsForgiven() {
        try (FlatFileReport report = report("settlement-id\ttotal-amount\tMinimum order quantity\n123\t-5.10\t2\n",
                WINDOWS_1252)) {
            FlatFileReport.Row row = report.iterator().next();

            assertThat(report.hasColumn("TOTAL-AMOUNT")).isTrue();
            assertThat(row.get("Total-Amount")).isEqualTo("-5.10");
            assertThat(row.get("minimum order quantity")).isEqualTo("2");
            assertThat(row.find("sku")).isEmpty();
            assertThat(row.asMap()).containsExactly(Map.entry("settlement-id", "123"), Map.entry("total-amount", "-5.10"),
                    Map.entry("Minimum order quantity", "2"));
            assertThatThrownBy(() -> row.get("sku")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no column 'sku'").hasMessageContaining("settlement-id");
            assertThatThrownBy(report::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anEmptyReportHasNoHeaderAndNoRows() {
        try (FlatFileReport empty = report("", WINDOWS_1252); FlatFileReport headerOnly = report("sku\tprice\n", WINDOWS_1252)) {
            assertThat(empty.header()).isEmpty();
            assertThat(empty.rows()).isEmpty();
            assertThat(headerOnly.header()).containsExactly("sku", "price");
            assertThat(headerOnly.rows()).isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void rowsAreReadAsTheyAreConsumedNotAllAtOnce() {
        // An endless report: a reader that loaded the whole file would never return.
        EndlessReport in = new EndlessReport();
        try (FlatFileReport report = FlatFileReport.read(in, WINDOWS_1252)) {
            Iterator<FlatFileReport.Row> rows = report.iterator();
            for (int i = 1; i <= 100_000; i++) {
                assertThat(rows.next().get("sku")).isEqualTo("SKU-" + i);
            }
        }
        assertThat(in.closed).isTrue();
        assertThat(in.served).as("read ahead at most a couple of buffers").isLessThan(4_000_000L);
    }

    /** {@code sku\tquantity} and then rows without end, made as they are read. */
    private static final class EndlessReport extends InputStream {
        private byte[] line = "sku\tquantity\n".getBytes(StandardCharsets.US_ASCII);
        private int at;
        private long row;
        long served;
        boolean closed;

        @Override
        public int read() {
            if (at == line.length) {
                row++;
                line = ("SKU-" + row + "\t" + (row % 7) + "\n").getBytes(StandardCharsets.US_ASCII);
                at = 0;
            }
            served++;
            return line[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
