package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatFileReaderTest {

    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    private static List<FeedRecord> read(byte[] body, String contentType) throws Exception {
        try (FeedReader reader = FeedReaders.open("_POST_FLAT_FILE_INVLOADER_DATA_", contentType,
                new ByteArrayInputStream(body))) {
            assertThat(reader).isInstanceOf(FlatFileReader.class);
            List<FeedRecord> records = new ArrayList<>();
            for (FeedRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
            return records;
        }
    }

    private static List<FeedRecord> read(String body) throws Exception {
        return read(body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void rowsAreReadByTheirHeaderInAnyColumnOrderWithTrimmedCaseInsensitiveNames() throws Exception {
        List<FeedRecord> records = read(" Quantity \tSKU\tprice\tadd-delete\n"
                + "5\tABC-1\t12.50\ta\n"
                + "0\t ABC-2 \t\td\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).messageId()).isEqualTo(1);
        assertThat(records.get(0).operationType()).isEmpty();
        assertThat(records.get(0).fields()).containsExactly(Map.entry("quantity", List.of("5")),
                Map.entry("sku", List.of("ABC-1")), Map.entry("price", List.of("12.50")),
                Map.entry("add-delete", List.of("a")));
        assertThat(records.get(0).problems()).isEmpty();
        assertThat(records.get(1).messageId()).isEqualTo(2);
        assertThat(records.get(1).fields()).containsExactly(Map.entry("quantity", List.of("0")),
                Map.entry("sku", List.of("ABC-2")), Map.entry("add-delete", List.of("d")));
    }

    @Test
    void aTemplateTypeLineAndLabelRowsBeforeTheHeaderAreSkipped() throws Exception {
        String body = "TemplateType=InventoryLoader\tVersion=2014.0415\tThe top 3 rows are for Amazon.com use only\n"
                + "Seller SKU\tProduct ID\tQuantity\n"
                + "\n"
                + "sku\tproduct-id\tquantity\n"
                + "A-1\tB000TEST01\t3\n";
        try (FlatFileReader reader = new FlatFileReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                null)) {
            FeedRecord record = reader.next();
            assertThat(reader.templateType()).isEqualTo("InventoryLoader");
            assertThat(reader.columns()).containsExactly("sku", "product-id", "quantity");
            assertThat(record.messageId()).isEqualTo(1);
            assertThat(record.first("product-id")).contains("B000TEST01");
            assertThat(reader.next()).isNull();
        }
        List<FeedRecord> listings = read("TemplateType=Health\tVersion=2020.1\n"
                + "Seller SKU\tProduct Name\n"
                + "item_sku\titem_name\n"
                + "H-1\tVitamins\n");
        assertThat(listings).singleElement().extracting(r -> r.first("item_name").orElseThrow()).isEqualTo("Vitamins");
    }

    @Test
    void crlfLinesAndBlankLinesAreHandledAndBlankLinesAreNotCounted() throws Exception {
        List<FeedRecord> records = read("sku\tquantity\r\n\r\nA\t1\r\n \t \r\nB\t2\r\n\r\n");
        assertThat(records).extracting(FeedRecord::messageId).containsExactly(1L, 2L);
        assertThat(records.get(1).fields()).containsExactly(Map.entry("sku", List.of("B")),
                Map.entry("quantity", List.of("2")));
        assertThat(read("sku\tquantity\nA\t1")).singleElement()
                .extracting(r -> r.first("quantity").orElseThrow()).isEqualTo("1");
    }

    @Test
    void moreCellsThanTheHeaderIsAProblemFewerAreBlank() throws Exception {
        List<FeedRecord> records = read("sku\tprice\tquantity\nA\t1.00\t3\textra\nB\t2.00\nC\t3.00\t4\t\t \n");
        assertThat(records.get(0).problems()).singleElement().asString().contains("column 4");
        assertThat(records.get(0).fields()).containsKeys("sku", "price", "quantity");
        assertThat(records.get(1).problems()).isEmpty();
        assertThat(records.get(1).fields()).containsExactly(Map.entry("sku", List.of("B")),
                Map.entry("price", List.of("2.00")));
        assertThat(records.get(2).problems()).isEmpty();
    }

    @Test
    void aFileWithoutAHeaderRowIsAFileLevelError() {
        for (String body : new String[] {"", "\n\n", "A-1\t12.00\t3\n", "TemplateType=X\nlabel\tlabel\n",
                "<?xml version=\"1.0\"?><AmazonEnvelope/>", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nsku\n"}) {
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOfSatisfying(FeedFormatException.class,
                    e -> assertThat(e.messageCode()).isEqualTo(FlatFileReader.FILE_ERROR));
        }
    }

    @Test
    void aCommaSeparatedFileIsRefusedWithAHint() {
        assertThatThrownBy(() -> read("sku,price,quantity\nA,1.00,3\n")).isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("looks comma-separated");
        assertThatThrownBy(() -> read("A-1\t12.00\t3\n")).isInstanceOf(FeedFormatException.class)
                .hasMessageNotContaining("comma");
    }

    @Test
    void withoutBomOrCharsetEachLineIsUtf8OrElseIsoLatin1() throws Exception {
        byte[] body = bytes("sku\titem-note\n".getBytes(StandardCharsets.UTF_8),
                "A\tCrème brûlée \u20ac\n".getBytes(StandardCharsets.UTF_8),
                "B\tCrème brûlée\n".getBytes(LATIN_1),
                "C\t\u00fcber\n".getBytes(StandardCharsets.UTF_8));
        List<FeedRecord> records = read(body, null);
        assertThat(records).extracting(r -> r.first("item-note").orElseThrow())
                .containsExactly("Crème brûlée \u20ac", "Crème brûlée", "\u00fcber");
    }

    @Test
    void latin1ReadsTheWindowsCharactersOfSpreadsheetsAsBrowsersDo() throws Exception {
        Charset windows = Charset.forName("windows-1252");
        String note = "\u201CCaf\u00e9\u201D \u20AC5 \u2013 na\u00efve\u2122";
        byte[] body = bytes("sku\titem-note\n".getBytes(StandardCharsets.US_ASCII), ("A\t" + note + "\n").getBytes(windows),
                new byte[] {'B', '\t', (byte) 0x81, (byte) 0x9D, '\n'});
        for (String contentType : new String[] {null, "text/tab-separated-values; charset=ISO-8859-1"}) {
            List<FeedRecord> records = read(body, contentType);
            assertThat(records.get(0).first("item-note")).as(contentType).contains(note);
            assertThat(records.get(1).first("item-note")).as(contentType).contains("\u0081\u009D");
        }
        // Every byte Windows-1252 defines decodes as Windows-1252 does.
        for (int b = 0x80; b <= 0x9F; b++) {
            String expected = new String(new byte[] {(byte) b}, windows);
            if (!expected.equals("\uFFFD")) {
                byte[] row = bytes("sku\titem-note\nA\tx".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) b});
                assertThat(read(row, null).get(0).first("item-note")).contains("x" + expected);
            }
        }
    }

    @Test
    void theContentTypeCharsetIsUsedWhenThereIsNoBom() throws Exception {
        byte[] latin = "sku\titem-note\nA\tna\u00efve\n".getBytes(LATIN_1);
        assertThat(read(latin, "text/tab-separated-values; charset=iso-8859-1").get(0).first("item-note"))
                .contains("na\u00efve");
        byte[] sjis = "sku\titem-note\nA\t\u6771\u4eac\n".getBytes(Charset.forName("Shift_JIS"));
        assertThat(read(sjis, "text/tab-separated-values;charset=\"Shift_JIS\"").get(0).first("item-note"))
                .contains("\u6771\u4eac");
        byte[] utf16 = "sku\titem-note\r\nA\t\u00e9t\u00e9\r\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(read(utf16, "text/plain; charset=UTF-16BE").get(0).first("item-note")).contains("\u00e9t\u00e9");
        assertThat(read("sku\nA\n".getBytes(StandardCharsets.UTF_8), "text/plain; charset=no-such-charset"))
                .singleElement().extracting(r -> r.first("sku").orElseThrow()).isEqualTo("A");
    }

    @Test
    void aByteOrderMarkWinsOverTheContentType() throws Exception {
        String text = "sku\titem-note\r\nA\tCrème \u20ac \uD83D\uDE00\r\n";
        byte[] utf8 = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
        byte[] utf16le = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        byte[] utf16be = bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
        for (byte[] body : List.of(utf8, utf16le, utf16be)) {
            List<FeedRecord> records = read(body, "text/tab-separated-values; charset=iso-8859-1");
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.fields()).containsOnlyKeys("sku", "item-note");
                assertThat(r.first("item-note")).contains("Crème \u20ac \uD83D\uDE00");
            });
        }
    }

    @Test
    void aLineLongerThanTheLimitIsAProblemOfItsRowAndNotHeld() throws Exception {
        byte[] longCell = new byte[FlatFileReader.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(longCell, (byte) 'x');
        byte[] body = bytes("sku\titem-note\nA\t".getBytes(StandardCharsets.UTF_8), longCell,
                "\nB\tshort\n".getBytes(StandardCharsets.UTF_8));
        List<FeedRecord> records = read(body, null);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).messageId()).isEqualTo(1);
        assertThat(records.get(0).fields()).isEmpty();
        assertThat(records.get(0).problems()).singleElement().asString().contains("longer than 1048576 bytes");
        assertThat(records.get(1).messageId()).isEqualTo(2);
        assertThat(records.get(1).first("item-note")).contains("short");

        byte[] exactly = new byte[FlatFileReader.MAX_LINE_BYTES - 2];
        java.util.Arrays.fill(exactly, (byte) 'y');
        assertThat(read(bytes("sku\nA\t".getBytes(StandardCharsets.UTF_8), exactly), null).get(0).problems())
                .singleElement().asString().contains("column 2");

        assertThatThrownBy(() -> read(longCell, null)).isInstanceOfSatisfying(FeedFormatException.class,
                e -> assertThat(e.messageCode()).isEqualTo(FlatFileReader.FILE_ERROR));
    }

    @Test
    void aMillionRowsAreReadInConstantMemory() throws Exception {
        int rows = 1_000_000;
        InputStream body = new InputStream() {
            private byte[] chunk = "TemplateType=InventoryLoader\nsku\tprice\tquantity\r\n".getBytes(StandardCharsets.UTF_8);
            private int position;
            private int next = 1;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position == chunk.length) {
                    if (next > rows) {
                        return -1;
                    }
                    chunk = ("SKU-" + next + "\t" + (next % 1000) + ".99\t" + (next % 50) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    next++;
                    position = 0;
                }
                int n = Math.min(len, chunk.length - position);
                System.arraycopy(chunk, position, b, off, n);
                position += n;
                return n;
            }
        };
        long baseline = 0;
        long count = 0;
        try (FeedReader reader = FeedReaders.open("_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", null, body)) {
            for (FeedRecord record = reader.next(); record != null; record = reader.next()) {
                count++;
                if (count == 10_000) {
                    baseline = XmlFeedReaderTest.usedHeapAfterGc();
                }
                if (record.messageId() != count || !record.first("sku").orElseThrow().equals("SKU-" + count)) {
                    throw new AssertionError("row " + count + " read as " + record);
                }
            }
            XmlFeedReaderTest.assertHeapGrewLessThan(baseline, 32L * 1024 * 1024);
        }
        assertThat(count).isEqualTo(rows);
    }

    @Test
    void afterAFileLevelErrorTheReaderRefusesToGoOn() throws IOException {
        FlatFileReader reader = new FlatFileReader(new ByteArrayInputStream("no header here\n".getBytes(
                StandardCharsets.UTF_8)), null);
        assertThatThrownBy(reader::next).isInstanceOf(FeedFormatException.class);
        assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
        reader.close();
    }
}
