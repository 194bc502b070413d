package io.openmws.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openmws.protocol.ApiSection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class MwsXmlWriterTest {

    private static final String RID = "007a5d0a-4029-4825-a97d-dae1ab378367";

    interface Body {
        void write(MwsXmlWriter xml) throws IOException;
    }

    private static String write(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
            body.write(xml);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String response(ApiSection section, String action) throws IOException {
        return write(xml -> {
            xml.startResponse(section, action);
            xml.endResponse(RID);
        });
    }

    @Test
    void listMarketplaceParticipationsIsWrittenByteForByteAsMwsSentIt() throws IOException {
        String xml = write(w -> {
            w.startResponse(ApiSection.SELLERS, "ListMarketplaceParticipations");
            w.start("ListParticipations").start("Participation");
            w.element("MarketplaceId", "A2EUQ1WTGCTBG2");
            w.element("SellerId", "A1EXAMPLESELLER");
            w.element("HasSellerSuspendedListings", "No");
            w.end().end();
            w.start("ListMarketplaces").start("Marketplace");
            w.element("MarketplaceId", "A2EUQ1WTGCTBG2").element("Name", "Amazon.ca");
            w.end().end();
            w.endResponse(RID);
        });

        assertThat(xml).isEqualTo("<?xml version=\"1.0\"?>\n"
                + "<ListMarketplaceParticipationsResponse xmlns=\"https://mws.amazonservices.com/Sellers/2011-07-01\">"
                + "<ListMarketplaceParticipationsResult>"
                + "<ListParticipations><Participation><MarketplaceId>A2EUQ1WTGCTBG2</MarketplaceId>"
                + "<SellerId>A1EXAMPLESELLER</SellerId><HasSellerSuspendedListings>No</HasSellerSuspendedListings>"
                + "</Participation></ListParticipations>"
                + "<ListMarketplaces><Marketplace><MarketplaceId>A2EUQ1WTGCTBG2</MarketplaceId><Name>Amazon.ca</Name>"
                + "</Marketplace></ListMarketplaces>"
                + "</ListMarketplaceParticipationsResult>"
                + "<ResponseMetadata><RequestId>" + RID + "</RequestId></ResponseMetadata>"
                + "</ListMarketplaceParticipationsResponse>");
    }

    @Test
    void declarationHasNoEncodingAttributeAndOutputIsUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
            xml.startResponse(ApiSection.ORDERS, "GetOrder");
            xml.element("BuyerName", "Jürgen 日本 😀");
            xml.endResponse(RID);
        }
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\"?>\n<GetOrderResponse ");
        assertThat(text).contains("<BuyerName>Jürgen 日本 😀</BuyerName>");
        assertThat(bytes).containsSequence("Jürgen 日本 😀".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void feedsAndReportsAnswerInTheMarketplaceWebServiceNamespace() throws IOException {
        assertThat(response(ApiSection.FEEDS, "SubmitFeed"))
                .contains("<SubmitFeedResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\"><SubmitFeedResult>");
        assertThat(response(ApiSection.REPORTS, "GetReportList"))
                .contains("<GetReportListResponse xmlns=\"http://mws.amazonaws.com/doc/2009-01-01/\">");
    }

    @Test
    void financesGetServiceStatusUsesTheSchemaNamespaceButOtherFinancesActionsDoNot() throws IOException {
        assertThat(response(ApiSection.FINANCES, "GetServiceStatus"))
                .contains("<GetServiceStatusResponse xmlns=\"http://mws.amazonservices.com/schema/Finances/2015-05-01\">");
        assertThat(response(ApiSection.FINANCES, "ListFinancialEvents"))
                .contains("<ListFinancialEventsResponse xmlns=\"http://mws.amazonservices.com/Finances/2015-05-01\">");
    }

    @Test
    void byNextTokenActionsGetByNextTokenResponseAndResultNames() throws IOException {
        String xml = write(w -> {
            w.startResponse(ApiSection.ORDERS, "ListOrdersByNextToken");
            w.element("NextToken", "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4=");
            w.endResponse(RID);
        });
        assertThat(xml).contains("<ListOrdersByNextTokenResponse xmlns=\"https://mws.amazonservices.com/Orders/2013-09-01\">"
                + "<ListOrdersByNextTokenResult><NextToken>2YgYW55IGNhcm5hbCBwbGVhc3VyZS4=</NextToken>"
                + "</ListOrdersByNextTokenResult>");
        assertThat(xml).endsWith("</ListOrdersByNextTokenResponse>");
    }

    @Test
    void markupCharactersInTextAreEscapedAndReadBackUnchanged() throws IOException {
        String value = "a<b & c>d \"q\" 'a' ]]> &amp;";
        String xml = write(w -> {
            w.startResponse(ApiSection.SELLERS, "GetServiceStatus");
            w.element("Text", value);
            w.endResponse(RID);
        });
        assertThat(xml).contains("<Text>a&lt;b &amp; c&gt;d \"q\" 'a' ]]&gt; &amp;amp;</Text>");
        assertThat(readElementTexts(xml, "Text")).containsExactly(value);
    }

    @Test
    void charactersOutsideXml10BecomeReplacementCharacter() throws IOException {
        String value = "a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i";
        String xml = write(w -> {
            w.startResponse(ApiSection.SELLERS, "GetServiceStatus");
            w.element("Text", value);
            w.endResponse(RID);
        });
        assertThat(xml).contains("<Text>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi</Text>");
        assertThat(readElementTexts(xml, "Text")).containsExactly("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi");
    }

    @Test
    void tabsLineFeedsSurrogatePairsAndCarriageReturnsSurviveARoundTrip() throws IOException {
        String value = "line1\r\nline2\tx \uD83D\uDE00 \r";
        String xml = write(w -> {
            w.startResponse(ApiSection.SELLERS, "GetServiceStatus");
            w.element("Text", value);
            w.endResponse(RID);
        });
        assertThat(xml).contains("line1&#xD;\nline2");
        assertThat(readElementTexts(xml, "Text")).containsExactly(value);
    }

    @Test
    void typedValuesUseMwsWireForms() throws IOException {
        String xml = write(w -> {
            w.startResponse(ApiSection.ORDERS, "GetOrder");
            w.element("IsPrime", Boolean.TRUE).element("IsBusinessOrder", false);
            w.element("PurchaseDate", Instant.parse("2020-05-28T11:22:25.398765Z"));
            w.element("LastUpdateDate", Instant.parse("2020-05-28T11:22:25Z"));
            w.element("Amount", new BigDecimal("12.50")).element("Big", new BigDecimal("1E+3"));
            w.element("NumberOfItemsShipped", 3).element("FeedSubmissionId", 20812705939018404L);
            w.endResponse(RID);
        });
        assertThat(xml).contains("<IsPrime>true</IsPrime><IsBusinessOrder>false</IsBusinessOrder>"
                + "<PurchaseDate>2020-05-28T11:22:25.398Z</PurchaseDate>"
                + "<LastUpdateDate>2020-05-28T11:22:25.000Z</LastUpdateDate>"
                + "<Amount>12.50</Amount><Big>1000</Big>"
                + "<NumberOfItemsShipped>3</NumberOfItemsShipped><FeedSubmissionId>20812705939018404</FeedSubmissionId>");
    }

    @Test
    void nullValuesWriteNothingAndEmptyStringsWriteEmptyElements() throws IOException {
        String xml = write(w -> {
            w.startResponse(ApiSection.ORDERS, "GetOrder");
            w.element("A", (String) null).element("B", (Boolean) null).element("C", (Instant) null)
                    .element("D", (BigDecimal) null).element("E", (Integer) null).element("F", (Long) null);
            w.element("Empty", "");
            w.endResponse(RID);
        });
        assertThat(xml).contains("<GetOrderResult><Empty></Empty></GetOrderResult>");
    }

    @Test
    void indentedLayoutPutsOneElementPerLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MwsXmlWriter xml = MwsXmlWriter.open(out, MwsXmlWriter.Layout.INDENTED)) {
            xml.startResponse(ApiSection.SELLERS, "GetServiceStatus");
            xml.element("Status", "GREEN");
            xml.endResponse(RID);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\"?>\n"
                + "<GetServiceStatusResponse xmlns=\"https://mws.amazonservices.com/Sellers/2011-07-01\">\n"
                + "  <GetServiceStatusResult>\n"
                + "    <Status>GREEN</Status>\n"
                + "  </GetServiceStatusResult>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + RID + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</GetServiceStatusResponse>");
    }

    @Test
    void writerTargetGetsTheSameCharacters() throws IOException {
        StringWriter out = new StringWriter();
        try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
            xml.startResponse(ApiSection.SELLERS, "GetServiceStatus");
            xml.element("Status", "GREEN");
            xml.endResponse(RID);
        }
        assertThat(out.toString()).isEqualTo(response(ApiSection.SELLERS, "GetServiceStatus")
                .replace("<GetServiceStatusResult>", "<GetServiceStatusResult><Status>GREEN</Status>"));
    }

    @Test
    void aHundredThousandElementsStreamToTheTargetAndReadBackWellFormed() throws IOException, XMLStreamException {
        CountingSink sink = new CountingSink();
        int n = 100_000;
        try (MwsXmlWriter xml = MwsXmlWriter.open(sink)) {
            xml.startResponse(ApiSection.ORDERS, "ListOrderItems");
            xml.start("OrderItems");
            for (int i = 0; i < n; i++) {
                xml.start("OrderItem").element("SellerSKU", "SKU-" + i).element("QuantityOrdered", i).end();
            }
            xml.end();
            xml.endResponse(RID);
        }
        assertThat(sink.count).isGreaterThan(n * 60L);
        // The writer hands bytes on while writing: the sink saw many writes, not one at the end.
        assertThat(sink.writes).isGreaterThan(100);

        // Re-generate into memory only to re-read it: the sink above kept nothing.
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (MwsXmlWriter xml = MwsXmlWriter.open(copy)) {
            xml.startResponse(ApiSection.ORDERS, "ListOrderItems");
            xml.start("OrderItems");
            for (int i = 0; i < n; i++) {
                xml.start("OrderItem").element("SellerSKU", "SKU-" + i).element("QuantityOrdered", i).end();
            }
            xml.end();
            xml.endResponse(RID);
        }
        assertThat((long) copy.size()).isEqualTo(sink.count);
        XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(copy.toByteArray()));
        int items = 0;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && "OrderItem".equals(r.getLocalName())) {
                items++;
            }
        }
        assertThat(items).isEqualTo(n);
    }

    @Test
    void endResponseWithAnElementStillOpenIsRefused() throws IOException {
        MwsXmlWriter xml = MwsXmlWriter.open(new ByteArrayOutputStream());
        xml.startResponse(ApiSection.SELLERS, "ListMarketplaceParticipations");
        xml.start("ListParticipations");
        assertThatThrownBy(() -> xml.endResponse(RID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<ListParticipations> still open");
    }

    @Test
    void endResponseTwiceOrWithoutARequestIdIsRefused() throws IOException {
        MwsXmlWriter xml = MwsXmlWriter.open(new ByteArrayOutputStream());
        xml.startResponse(ApiSection.SELLERS, "GetServiceStatus");
        assertThatThrownBy(() -> xml.endResponse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestId is blank");
        xml.endResponse(RID);
        assertThatThrownBy(() -> xml.endResponse(RID)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already complete");
    }

    @Test
    void closingAnIncompleteDocumentSaysWhatIsStillOpen() throws IOException {
        MwsXmlWriter xml = MwsXmlWriter.open(new ByteArrayOutputStream());
        xml.startResponse(ApiSection.SELLERS, "GetServiceStatus");
        assertThatThrownBy(xml::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<GetServiceStatusResponse><GetServiceStatusResult> still open");
    }

    @Test
    void elementsOutsideTheRootAreRefused() throws IOException {
        MwsXmlWriter xml = MwsXmlWriter.open(new ByteArrayOutputStream());
        assertThatThrownBy(() -> xml.element("A", "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the root");
        xml.startRoot("R", "urn:x").end();
        assertThatThrownBy(() -> xml.start("B")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the root element was closed");
    }

    @Test
    void namesThatAreNotXmlNamesAreRefusedSoRequestTextCannotInjectMarkup() throws IOException {
        MwsXmlWriter xml = MwsXmlWriter.open(new ByteArrayOutputStream());
        assertThatThrownBy(() -> xml.startResponse(ApiSection.SELLERS, "Foo><script>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not an XML element name");
        assertThatThrownBy(() -> xml.startRoot("1abc", "urn:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingDoesNotCloseTheCallersStream() throws IOException {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
            xml.startRoot("R", "urn:x").end();
        }
        assertThat(closed[0]).isFalse();
        assertThat(out.toString()).isEqualTo("<?xml version=\"1.0\"?>\n<R xmlns=\"urn:x\"></R>");
    }

    static List<String> readElementTexts(String xml, String name) {
        List<String> texts = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && name.equals(r.getLocalName())) {
                    texts.add(r.getElementText());
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
        return texts;
    }

    /** Counts bytes and write calls; keeps nothing. */
    static final class CountingSink extends OutputStream {
        long count;
        long writes;

        @Override
        public void write(int b) {
            count++;
            writes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            writes++;
        }
    }


    @Test
    void aRootWithoutNamespaceTakesANamespaceDeclarationAndAPrefixedAttribute() throws IOException {
        String xml = write(w -> {
            w.startRoot("AmazonEnvelope").namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
                    .attribute("xsi:noNamespaceSchemaLocation", "amzn-envelope.xsd");
            w.start("Price").attribute("currency", "USD").attribute("absent", null).end();
            w.element("MessageType", "ProcessingReport");
            w.end();
        });
        assertThat(xml).isEqualTo("<?xml version=\"1.0\"?>\n<AmazonEnvelope"
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\"><Price currency=\"USD\"></Price>"
                + "<MessageType>ProcessingReport</MessageType></AmazonEnvelope>");
    }

    @Test
    void attributeValuesAreEscapedAndForbiddenCharactersReplaced() throws IOException {
        String xml = write(w -> w.startRoot("r").attribute("a", "x<\"&\u0001y").end());
        assertThat(xml).endsWith("<r a=\"x&lt;&quot;&amp;\uFFFDy\"></r>");
    }

    @Test
    void anAttributeAfterAChildOrWithAnUndeclaredPrefixIsRefused() {
        assertThatThrownBy(() -> write(w -> {
            w.startRoot("r").element("c", "v");
            w.attribute("late", "x");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("right after start()");
        assertThatThrownBy(() -> write(w -> w.startRoot("r").attribute("xsi:type", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace(\"xsi\"");
    }

    @Test
    void elementNamesAreCheckedAsTheirPatternSays() {
        Pattern name = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
        String alphabet = "aZz_0-9.:- \u00e9\u0130<";
        Random random = new Random(18);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder candidate = new StringBuilder();
            for (int n = random.nextInt(5); n > 0; n--) {
                candidate.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = candidate.toString();
            assertThat(MwsXmlWriter.isName(s)).as("'%s'", s).isEqualTo(name.matcher(s).matches());
        }
    }
}
