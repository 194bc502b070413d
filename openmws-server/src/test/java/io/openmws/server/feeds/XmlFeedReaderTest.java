package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlFeedReaderTest {

    private static final String SECRET = "s3cr3t-from-the-file-system";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">\n"
            + "  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A1XSELLER</MerchantIdentifier></Header>\n";

    /** A real HTTP server that counts requests, so a test can prove no entity or DTD was fetched. */
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static XmlFeedReader reader(String xml, String messageType) {
        return new XmlFeedReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), messageType);
    }

    private static List<FeedRecord> readAll(FeedReader reader) throws Exception {
        List<FeedRecord> records = new ArrayList<>();
        for (FeedRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    private static FeedFormatException failure(FeedReader reader) {
        try {
            while (reader.next() != null) {
                // read on until the file fails
            }
        } catch (FeedFormatException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("expected a FeedFormatException, got " + e, e);
        }
        throw new AssertionError("expected a FeedFormatException; the whole feed was read");
    }

    @Test
    void aProductFeedIsReadMessageByMessageWithDottedPathsRepeatedValuesAndAttributes() throws Exception {
        String xml = HEAD + "<MessageType>Product</MessageType><PurgeAndReplace>false</PurgeAndReplace>\n"
                + "<Message><MessageID>1</MessageID><OperationType>PartialUpdate</OperationType><Product>\n"
                + "  <SKU> ABC-1 </SKU><StandardProductID><Type>UPC</Type><Value>012345678905</Value></StandardProductID>\n"
                + "  <Condition><ConditionType>New</ConditionType></Condition>\n"
                + "  <DescriptionData><Title>Tea &amp; biscuits <![CDATA[<b>bold</b>]]></Title>"
                + "<BulletPoint>one</BulletPoint><BulletPoint>two</BulletPoint>"
                + "<MSRP currency=\"USD\">19.99</MSRP><!-- a comment --></DescriptionData>\n"
                + "  <ProductData><Health><ProductType><HealthMisc><Ingredients>water</Ingredients></HealthMisc>"
                + "</ProductType></Health></ProductData><Empty/>\n"
                + "</Product></Message>\n"
                + "<Message><MessageID>2</MessageID><Product><SKU>ABC-2</SKU></Product></Message>\n"
                + "</AmazonEnvelope>\n";
        XmlFeedReader reader = reader(xml, "Product");
        List<FeedRecord> records = readAll(reader);

        assertThat(reader.documentVersion()).isEqualTo("1.01");
        assertThat(reader.merchantIdentifier()).isEqualTo("A1XSELLER");
        assertThat(reader.messageType()).isEqualTo("Product");
        assertThat(reader.purgeAndReplace()).isFalse();
        assertThat(records).hasSize(2);
        FeedRecord first = records.get(0);
        assertThat(first.messageId()).isEqualTo(1);
        assertThat(first.operationType()).isEqualTo("PartialUpdate");
        assertThat(first.problems()).isEmpty();
        assertThat(first.fields()).containsExactly(
                Map.entry("SKU", List.of("ABC-1")),
                Map.entry("StandardProductID.Type", List.of("UPC")),
                Map.entry("StandardProductID.Value", List.of("012345678905")),
                Map.entry("Condition.ConditionType", List.of("New")),
                Map.entry("DescriptionData.Title", List.of("Tea & biscuits <b>bold</b>")),
                Map.entry("DescriptionData.BulletPoint", List.of("one", "two")),
                Map.entry("DescriptionData.MSRP@currency", List.of("USD")),
                Map.entry("DescriptionData.MSRP", List.of("19.99")),
                Map.entry("ProductData.Health.ProductType.HealthMisc.Ingredients", List.of("water")),
                Map.entry("Empty", List.of("")));
        assertThat(first.first("Empty")).isEmpty();
        FeedRecord second = records.get(1);
        assertThat(second.messageId()).isEqualTo(2);
        assertThat(second.operationType()).isEqualTo("Update");
        assertThat(second.fields()).containsExactly(Map.entry("SKU", List.of("ABC-2")));
        assertThat(reader.next()).isNull();
    }

    @Test
    void feedReadersOpensTheXmlReaderWithTheFeedTypesMessageType() throws Exception {
        String xml = HEAD + "<MessageType>Price</MessageType><Message><MessageID>7</MessageID>"
                + "<Price><SKU>P-1</SKU><StandardPrice currency=\"EUR\">12.50</StandardPrice></Price></Message>"
                + "</AmazonEnvelope>";
        try (FeedReader reader = FeedReaders.open("_POST_PRODUCT_PRICING_DATA_", "text/xml",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            FeedRecord record = reader.next();
            assertThat(record.fields()).containsEntry("StandardPrice@currency", List.of("EUR"))
                    .containsEntry("StandardPrice", List.of("12.50"));
            assertThat(reader).isInstanceOf(XmlFeedReader.class);
        }
        try (FeedReader reader = FeedReaders.open("_POST_PRODUCT_DATA_", null,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            FeedFormatException e = failure(reader);
            assertThat(e.messageCode()).isEqualTo(5000);
            assertThat(e).hasMessageContaining("'Price'").hasMessageContaining("'Product'");
        }
        assertThatThrownBy(() -> FeedReaders.open("_POST_NOTHING_", null, InputStream.nullInputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purgeAndReplaceIsAnXmlBoolean() throws Exception {
        for (String value : new String[] {"true", "1", "false", "0"}) {
            XmlFeedReader reader = reader(HEAD + "<MessageType>Inventory</MessageType><PurgeAndReplace>" + value
                    + "</PurgeAndReplace></AmazonEnvelope>", "Inventory");
            assertThat(reader.next()).isNull();
            assertThat(reader.purgeAndReplace()).as(value).isEqualTo(value.equals("true") || value.equals("1"));
        }
    }

    @Test
    void anEnvelopeWithoutMessagesHasNone() throws Exception {
        assertThat(readAll(reader(HEAD + "<MessageType>Inventory</MessageType></AmazonEnvelope>", "Inventory")))
                .isEmpty();
    }

    @Test
    void aPayloadOtherThanTheMessageTypeAndAnUnknownOperationTypeAreProblemsOfThatMessage() throws Exception {
        String xml = HEAD + "<MessageType>Inventory</MessageType>"
                + "<Message><MessageID>1</MessageID><OperationType>Replace</OperationType>"
                + "<Inventory><SKU>A</SKU><Quantity>3</Quantity></Inventory></Message>"
                + "<Message><MessageID>2</MessageID><Price><SKU>B</SKU></Price></Message>"
                + "<Message><MessageID>3</MessageID></Message>"
                + "<Message><MessageID>4</MessageID><Inventory><SKU>D</SKU></Inventory><Inventory/></Message>"
                + "</AmazonEnvelope>";
        List<FeedRecord> records = readAll(reader(xml, "Inventory"));
        assertThat(records).extracting(FeedRecord::messageId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records.get(0).problems()).singleElement().asString().contains("Replace");
        assertThat(records.get(0).fields()).containsEntry("Quantity", List.of("3"));
        assertThat(records.get(1).problems()).singleElement().asString().contains("<Price>");
        assertThat(records.get(2).problems()).singleElement().asString().contains("no <Inventory>");
        assertThat(records.get(3).problems()).singleElement().asString().contains("exactly one payload");
        assertThat(records.get(3).fields()).containsExactly(Map.entry("SKU", List.of("D")));
    }

    @Test
    void aMissingOrNonNumericMessageIdEndsTheFileAfterTheMessagesBeforeIt() throws Exception {
        for (String bad : new String[] {"", "<MessageID>abc</MessageID>", "<MessageID>0</MessageID>",
                "<MessageID>-1</MessageID>", "<MessageID>99999999999999999999</MessageID>"}) {
            String xml = HEAD + "<MessageType>Inventory</MessageType>"
                    + "<Message><MessageID>1</MessageID><Inventory><SKU>A</SKU></Inventory></Message>"
                    + "<Message>" + bad + "<Inventory><SKU>B</SKU></Inventory></Message></AmazonEnvelope>";
            XmlFeedReader reader = reader(xml, "Inventory");
            assertThat(reader.next().messageId()).isEqualTo(1);
            FeedFormatException e = failure(reader);
            assertThat(e.messageCode()).as(bad).isEqualTo(XmlFeedReader.XML_SCHEMA);
            assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("message number 2");
            assertThatThrownBy(reader::next).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anEnvelopeOfTheWrongShapeIsASchemaError() {
        String[] documents = {
            "<?xml version=\"1.0\"?><Envelope/>",
            "<AmazonEnvelope><MessageType>Product</MessageType></AmazonEnvelope>",
            "<AmazonEnvelope><Header><MerchantIdentifier>M</MerchantIdentifier></Header>"
                    + "<MessageType>Product</MessageType></AmazonEnvelope>",
            "<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion></Header>"
                    + "<MessageType>Product</MessageType></AmazonEnvelope>",
            HEAD + "<Message><MessageID>1</MessageID></Message></AmazonEnvelope>",
            HEAD + "<MessageType>Product</MessageType><PurgeAndReplace>yes</PurgeAndReplace></AmazonEnvelope>",
            HEAD + "<MessageType>Product</MessageType><Other/></AmazonEnvelope>",
            HEAD + "<MessageType>Product</MessageType>stray text</AmazonEnvelope>",
        };
        for (String xml : documents) {
            assertThat(failure(reader(xml, "Product")).messageCode()).as(xml).isEqualTo(5000);
        }
    }

    @Test
    void malformedTruncatedOrGarbageInputIsAFatalXmlError() throws Exception {
        String good = HEAD + "<MessageType>Product</MessageType>"
                + "<Message><MessageID>1</MessageID><Product><SKU>A</SKU></Product></Message>";
        XmlFeedReader truncated = reader(good + "<Message><MessageID>2</MessageID><Product><SKU>B", "Product");
        assertThat(truncated.next().first("SKU")).contains("A");
        FeedFormatException e = failure(truncated);
        assertThat(e.messageCode()).isEqualTo(XmlFeedReader.XML_FATAL);
        assertThat(e).hasMessageStartingWith("XML parsing error");

        for (String xml : new String[] {good, good + "</AmazonEnvelope><Extra/>", good + "<Message></Product>",
                "hello, this is not XML", "", "\u0000\u0001\u0002garbage", "<AmazonEnvelope"}) {
            assertThat(failure(reader(xml, "Product")).messageCode()).as(xml).isEqualTo(5001);
        }
        byte[] binary = new byte[4096];
        new java.util.Random(14).nextBytes(binary);
        assertThat(failure(new XmlFeedReader(new ByteArrayInputStream(binary), "Product")).messageCode())
                .isEqualTo(5001);
    }

    @Test
    void anExternalEntityNamingALocalFileIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE AmazonEnvelope [<!ENTITY xxe SYSTEM \"" + file.toUri()
                + "\">]>\n" + HEAD.substring(HEAD.indexOf("<AmazonEnvelope")) + "<MessageType>Product</MessageType>"
                + "<Message><MessageID>1</MessageID><Product><SKU>&xxe;</SKU></Product></Message></AmazonEnvelope>";
        FeedFormatException e = failure(reader(xml, "Product"));
        assertThat(e.messageCode()).isEqualTo(5001);
        assertThat(e).hasMessageContaining("DOCTYPE").hasMessageNotContaining(SECRET);
    }

    @Test
    void anExternalEntityOrParameterEntityNamingAUrlIsNeverFetched() {
        String entity = "<!DOCTYPE AmazonEnvelope [<!ENTITY xxe SYSTEM \"" + url("/entity") + "\">]>"
                + "<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>&xxe;"
                + "</MerchantIdentifier></Header></AmazonEnvelope>";
        String parameter = "<!DOCTYPE AmazonEnvelope [<!ENTITY % ext SYSTEM \"" + url("/param") + "\"> %ext;]>"
                + "<AmazonEnvelope>&leak;</AmazonEnvelope>";
        for (String xml : new String[] {entity, parameter}) {
            FeedFormatException e = failure(reader(xml, "Product"));
            assertThat(e.messageCode()).isEqualTo(5001);
            assertThat(e).hasMessageNotContaining(SECRET);
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE AmazonEnvelope SYSTEM \"" + url("/amzn-envelope.dtd") + "\">\n"
                + "<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion>"
                + "<MerchantIdentifier>&leak;</MerchantIdentifier></Header></AmazonEnvelope>";
        FeedFormatException e = failure(reader(xml, "Product"));
        assertThat(e.messageCode()).isEqualTo(5001);
        assertThat(e).hasMessageNotContaining(SECRET);
        assertThat(requests).hasValue(0);
    }

    @Test
    void billionLaughsIsRefusedAtTheDoctype() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>&lol9;"
                + "</MerchantIdentifier></Header><MessageType>Product</MessageType></AmazonEnvelope>");
        long start = System.nanoTime();
        FeedFormatException e = failure(reader(dtd.toString(), "Product"));
        assertThat(e.messageCode()).isEqualTo(5001);
        assertThat(e).hasMessageContaining("DOCTYPE");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void aHugeTextNodeIsAProblemOfItsMessageAndIsNotHeld() throws Exception {
        long length = 50L * 1024 * 1024;
        InputStream body = new GeneratedFeed(HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID>"
                + "<Product><SKU>BIG</SKU><DescriptionData><Description>", length, 'x',
                "</Description><Title>t</Title></DescriptionData></Product></Message>"
                + "<Message><MessageID>2</MessageID><Product><SKU>NEXT</SKU></Product></Message></AmazonEnvelope>");
        long before = usedHeapAfterGc();
        try (FeedReader reader = new XmlFeedReader(body, "Product")) {
            FeedRecord big = reader.next();
            assertHeapGrewLessThan(before, 16L * 1024 * 1024);
            assertThat(big.fields()).containsEntry("SKU", List.of("BIG")).containsEntry("DescriptionData.Title", List.of("t"))
                    .doesNotContainKey("DescriptionData.Description");
            assertThat(big.problems()).singleElement().asString()
                    .contains("DescriptionData.Description").contains("65536");
            assertThat(reader.next().first("SKU")).contains("NEXT");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aValueOfExactlyTheLimitIsKept() throws Exception {
        String value = "v".repeat(XmlFeedReader.MAX_TEXT);
        String xml = HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product>"
                + "<SKU>A</SKU><Note>" + value + "</Note><Longer a=\"" + value + "w\"/></Product></Message></AmazonEnvelope>";
        FeedRecord record = reader(xml, "Product").next();
        assertThat(record.fields().get("Note")).containsExactly(value);
        assertThat(record.problems()).singleElement().asString().contains("Longer@a");
    }

    @Test
    void tooManyValuesInOneMessageAreCutWithAProblem() throws Exception {
        String xml = HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product>"
                + "<SKU>A</SKU>" + "<V>1</V>".repeat(XmlFeedReader.MAX_VALUES + 5) + "</Product></Message></AmazonEnvelope>";
        FeedRecord record = reader(xml, "Product").next();
        assertThat(record.all("V")).hasSize(XmlFeedReader.MAX_VALUES - 1);
        assertThat(record.problems()).singleElement().asString().contains("the rest was not read");
    }

    @Test
    void deepNestingAndTooManyAttributesEndTheFile() {
        String deep = HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product>"
                + "<a>".repeat(100) + "</a>".repeat(100) + "</Product></Message></AmazonEnvelope>";
        FeedFormatException e = failure(reader(deep, "Product"));
        assertThat(e.messageCode()).isEqualTo(5001);
        assertThat(e).hasMessageContaining("nested deeper than 32");

        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        String wide = HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product>"
                + "<SKU" + attributes + ">A</SKU></Product></Message></AmazonEnvelope>";
        assertThat(failure(reader(wide, "Product")).messageCode()).isEqualTo(5001);
    }

    @Test
    void theEncodingComesFromTheBomOrTheDeclaration() throws Exception {
        String body = "<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M"
                + "</MerchantIdentifier></Header><MessageType>Product</MessageType><Message><MessageID>1</MessageID>"
                + "<Product><SKU>Crème brûlée \u20ac \uD83D\uDE00</SKU></Product></Message></AmazonEnvelope>";
        byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body).getBytes(StandardCharsets.UTF_16LE);
        assertThat(new XmlFeedReader(new ByteArrayInputStream(utf16), "Product").next().first("SKU"))
                .contains("Crème brûlée \u20ac \uD83D\uDE00");
        byte[] utf8Bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body.getBytes(StandardCharsets.UTF_8));
        assertThat(new XmlFeedReader(new ByteArrayInputStream(utf8Bom), "Product").next().first("SKU"))
                .contains("Crème brûlée \u20ac \uD83D\uDE00");
        String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body.replace(" \u20ac \uD83D\uDE00", "");
        assertThat(new XmlFeedReader(new ByteArrayInputStream(latin.getBytes(Charset.forName("ISO-8859-1"))), "Product")
                .next().first("SKU")).contains("Crème brûlée");
    }

    @Test
    void bytesThatAreNotOfTheEncodingOrAnEncodingThatCannotBeEndTheFile() throws Exception {
        String body = "<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M"
                + "</MerchantIdentifier></Header><MessageType>Product</MessageType><Message><MessageID>1</MessageID>"
                + "<Product><SKU>Cr\u00e8me</SKU></Product></Message></AmazonEnvelope>";
        // Latin-1 bytes in a document that says (or defaults to) UTF-8.
        for (String declaration : new String[] {"", "<?xml version=\"1.0\" encoding='utf-8'?>"}) {
            XmlFeedReader reader = new XmlFeedReader(new ByteArrayInputStream((declaration + body).getBytes(
                    StandardCharsets.ISO_8859_1)), "Product");
            FeedFormatException e = failure(reader);
            assertThat(e.messageCode()).isEqualTo(5001);
            assertThat(e).hasMessageContaining("not valid UTF-8");
        }
        FeedFormatException unknown = failure(reader("<?xml version=\"1.0\" encoding=\"x-no-such\"?>" + body, "Product"));
        assertThat(unknown.messageCode()).isEqualTo(5001);
        assertThat(unknown).hasMessageContaining("'x-no-such'");
        FeedFormatException lying = failure(reader("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body, "Product"));
        assertThat(lying.messageCode()).isEqualTo(5001);
        // A declared single-byte encoding is used.
        byte[] windows = ("<?xml version='1.0' encoding='windows-1252'?>" + body.replace("Cr\u00e8me", "\u201CCr\u00e8me\u201D"))
                .getBytes(Charset.forName("windows-1252"));
        assertThat(new XmlFeedReader(new ByteArrayInputStream(windows), "Product").next().first("SKU"))
                .contains("\u201CCr\u00e8me\u201D");
    }

    @Test
    void closingTheReaderClosesTheBody() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        InputStream body = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        new XmlFeedReader(body, "Product").close();
        assertThat(closed).hasValue(1);
    }

    @Test
    void aMillionMessagesAreReadInConstantMemory() throws Exception {
        int messages = 1_000_000;
        InputStream body = new GeneratedMessages(messages);
        long baseline = 0;
        long count = 0;
        try (FeedReader reader = FeedReaders.open("_POST_INVENTORY_AVAILABILITY_DATA_", "text/xml", body)) {
            for (FeedRecord record = reader.next(); record != null; record = reader.next()) {
                count++;
                if (count == 10_000) {
                    baseline = usedHeapAfterGc();
                }
                if (record.messageId() != count || !record.problems().isEmpty()) {
                    throw new AssertionError("message " + count + " read as " + record);
                }
            }
            assertHeapGrewLessThan(baseline, 32L * 1024 * 1024);
        }
        assertThat(count).isEqualTo(messages);
    }

    @Test
    void aHugeAttributeCommentCdataSectionOrInstructionEndsTheFileBeforeItIsBuffered() throws Exception {
        long length = 200L * 1024 * 1024;
        String start = HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product><SKU>A</SKU>";
        String[][] pieces = {{"<Note a=\"", "\"/>"}, {"<!-- ", " -->"}, {"<Note><![CDATA[", "]]></Note>"},
            {"<?pi ", "?>"}, {"<Note a='x' b=\"", "\"/>"}};
        for (String[] piece : pieces) {
            long before = usedHeapAfterGc();
            InputStream body = new GeneratedFeed(start + piece[0], length, 'x', piece[1] + "</Product></Message></AmazonEnvelope>");
            FeedFormatException e = failure(new XmlFeedReader(body, "Product"));
            assertThat(e.messageCode()).as(piece[0]).isEqualTo(5001);
            assertThat(e).hasMessageContaining("longer than " + XmlFeedReader.MAX_MARKUP);
            assertHeapGrewLessThan(before, 16L * 1024 * 1024);
        }
    }

    @Test
    void markupThatOnlyLooksOddIsReadNormally() throws Exception {
        String xml = HEAD + "<!-- it's a comment with > and \" and ]]> in it --><?pi a > b ?>"
                + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product>"
                + "<SKU>A&gt;B</SKU><Title lang='e\"n>'>x > y ]] &lt;</Title><Note><![CDATA[a > b <!-- c]]></Note>"
                + "<Big>" + "z".repeat(3 * XmlFeedReader.MAX_MARKUP) + "</Big>"
                + "</Product></Message></AmazonEnvelope>";
        FeedRecord record = reader(xml, "Product").next();
        assertThat(record.first("SKU")).contains("A>B");
        assertThat(record.first("Title")).contains("x > y ]] <");
        assertThat(record.first("Title@lang")).contains("e\"n>");
        assertThat(record.first("Note")).contains("a > b <!-- c");
        assertThat(record.problems()).singleElement().asString().contains("Big");
    }

    @Test
    void utf16WithCharactersWhoseBytesLookLikeMarkupIsReadNormally() throws Exception {
        // U+223C and U+3E22 are made of the bytes of '"', '<' and '>'.
        String xml = HEAD.replace("UTF-8", "UTF-16") + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID>"
                + "<Product a=\"\u223C\u3E22\"><SKU>\u223C\u3E22\u3C3E</SKU></Product></Message></AmazonEnvelope>";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            FeedRecord record = new XmlFeedReader(new ByteArrayInputStream(xml.getBytes(charset)), "Product").next();
            assertThat(record.first("SKU")).as(charset.name()).contains("\u223C\u3E22\u3C3E");
            assertThat(record.first("@a")).contains("\u223C\u3E22");
        }
    }

    @Test
    void aBodyThatCannotBeReadIsAnIoErrorNotAFaultOfTheFeed() {
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served < HEAD.length()) {
                    return HEAD.charAt(served++);
                }
                throw new IOException("blob store went away");
            }
        };
        XmlFeedReader reader = new XmlFeedReader(broken, "Product");
        assertThatThrownBy(reader::next).isInstanceOf(IOException.class).isNotInstanceOf(FeedFormatException.class)
                .hasMessageContaining("blob store went away");
    }

    @Test
    void endlesslyDistinctNamesEndTheFileBeforeTheParsersSymbolTableFillsTheHeap() throws Exception {
        StringBuilder elements = new StringBuilder();
        StringBuilder instructions = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i <= XmlFeedReader.MAX_NAMES; i++) {
            elements.append("<E").append(i).append("/>");
            instructions.append("<?p").append(i).append(" x?>");
            attributes.append("<E a").append(i).append("=\"1\"/>");
        }
        String start = HEAD + "<MessageType>Product</MessageType><Message><MessageID>1</MessageID><Product><SKU>A</SKU>";
        String end = "</Product></Message></AmazonEnvelope>";
        for (String xml : List.of(start + elements + end, start + instructions + end, start + attributes + end,
                start + end + instructions)) {
            FeedFormatException e = failure(reader(xml, "Product"));
            assertThat(e.messageCode()).isEqualTo(5001);
            assertThat(e).hasMessageContaining("more than " + XmlFeedReader.MAX_NAMES + " distinct");
        }
        // The same few names repeated are fine however often they come.
        StringBuilder repeated = new StringBuilder(HEAD + "<MessageType>Product</MessageType>");
        for (int i = 1; i <= 2 * XmlFeedReader.MAX_NAMES; i++) {
            repeated.append("<Message><MessageID>").append(i).append("</MessageID><Product><SKU>A</SKU>")
                    .append("<E1/><?p1 x?><E a1=\"1\"/></Product></Message>");
        }
        List<FeedRecord> records = readAll(reader(repeated + "</AmazonEnvelope>", "Product"));
        assertThat(records).hasSize(2 * XmlFeedReader.MAX_NAMES).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    /**
     * Fails when the heap, after collection, stays {@code limit} or more above {@code baseline}. Measured up
     * to five times, so garbage another thread of the test JVM is making at that moment does not count;
     * memory the reader under test still holds does, every time.
     */
    static void assertHeapGrewLessThan(long baseline, long limit) throws InterruptedException {
        long growth = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5 && growth >= limit; attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            growth = Math.min(growth, usedHeapAfterGc() - baseline);
        }
        assertThat(growth).as("heap growth in bytes").isLessThan(limit);
    }

    static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A feed with a prefix, {@code count} copies of one byte, and a suffix, made while it is read. */
    static final class GeneratedFeed extends InputStream {
        private final byte[] prefix;
        private final byte[] suffix;
        private final long count;
        private final byte filler;
        private long position;

        GeneratedFeed(String prefix, long count, char filler, String suffix) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
            this.count = count;
            this.filler = (byte) filler;
        }

        @Override
        public int read() {
            long p = position;
            if (p < prefix.length) {
                position++;
                return prefix[(int) p] & 0xFF;
            }
            p -= prefix.length;
            if (p < count) {
                position++;
                return filler;
            }
            p -= count;
            if (p < suffix.length) {
                position++;
                return suffix[(int) p] & 0xFF;
            }
            return -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long filling = position - prefix.length;
            if (filling >= 0 && filling < count && len > 0) {
                int n = (int) Math.min(len, count - filling);
                java.util.Arrays.fill(b, off, off + n, filler);
                position += n;
                return n;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
            }
            return n;
        }
    }

    /** An inventory feed of {@code count} messages, each made when the reader gets to it. */
    static final class GeneratedMessages extends InputStream {
        private final int count;
        private int next = 1;
        private byte[] chunk = (HEAD + "<MessageType>Inventory</MessageType>\n").getBytes(StandardCharsets.UTF_8);
        private int position;
        private boolean ended;

        GeneratedMessages(int count) {
            this.count = count;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        private boolean refill() {
            if (next <= count) {
                chunk = ("<Message><MessageID>" + next + "</MessageID><OperationType>Update</OperationType>"
                        + "<Inventory><SKU>SKU-" + next + "</SKU><Quantity>" + (next % 100)
                        + "</Quantity><FulfillmentLatency>2</FulfillmentLatency></Inventory></Message>\n")
                        .getBytes(StandardCharsets.UTF_8);
                next++;
            } else if (!ended) {
                chunk = "</AmazonEnvelope>\n".getBytes(StandardCharsets.UTF_8);
                ended = true;
            } else {
                return false;
            }
            position = 0;
            return true;
        }
    }

    @Test
    void repeatedItemGroupsKeepTheirFieldsAligned() throws Exception {
        List<FeedRecord> records = readAll(reader(HEAD + "<MessageType>OrderFulfillment</MessageType>\n"
                + "<Message><MessageID>1</MessageID><OrderFulfillment><AmazonOrderID>111-1234567-1234567</AmazonOrderID>"
                + "<FulfillmentDate>2026-01-01T00:00:00Z</FulfillmentDate>"
                + "<Item><AmazonOrderItemCode>11111111111111</AmazonOrderItemCode></Item>"
                + "<Item><AmazonOrderItemCode>22222222222222</AmazonOrderItemCode><Quantity>2</Quantity></Item>"
                + "<Item><MerchantOrderItemID>M-3</MerchantOrderItemID></Item>"
                + "<Item><AmazonOrderItemCode>44444444444444</AmazonOrderItemCode><Quantity>4</Quantity></Item>"
                + "</OrderFulfillment></Message></AmazonEnvelope>", "OrderFulfillment"));
        FeedRecord r = records.get(0);
        assertThat(r.problems()).isEmpty();
        assertThat(r.all("Item.AmazonOrderItemCode"))
                .containsExactly("11111111111111", "22222222222222", "", "44444444444444");
        assertThat(r.all("Item.Quantity")).containsExactly("", "2", "", "4");
        assertThat(r.all("Item.MerchantOrderItemID")).containsExactly("", "", "M-3", "");
        assertThat(r.first("AmazonOrderID")).hasValue("111-1234567-1234567");
    }

    @Test
    void paddingRepeatedGroupsCountsTowardsTheMessageLimit() throws Exception {
        StringBuilder xml = new StringBuilder(HEAD + "<MessageType>OrderFulfillment</MessageType>\n"
                + "<Message><MessageID>1</MessageID><OrderFulfillment><Item>");
        for (int i = 0; i < 200; i++) {
            xml.append("<F").append(i).append(">x</F").append(i).append('>');
        }
        xml.append("</Item>");
        for (int i = 0; i < 100; i++) {
            xml.append("<Item><G>y</G></Item>");
        }
        xml.append("</OrderFulfillment></Message></AmazonEnvelope>");
        FeedRecord r = readAll(reader(xml.toString(), "OrderFulfillment")).get(0);
        assertThat(r.problems()).anyMatch(p -> p.contains("more than " + XmlFeedReader.MAX_VALUES + " values"));
        assertThat(r.fields().values().stream().mapToInt(List::size).sum()).isEqualTo(XmlFeedReader.MAX_VALUES);
    }
}
