package io.openmws.server.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class ProcessingReportsTest {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The child elements of {@code parent}, whitespace between them ignored. */
    private static List<Element> children(Node parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element);
            }
        }
        if (!elements.isEmpty()) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (!(child instanceof Element) && !child.getTextContent().isBlank()) {
                    throw new AssertionError("text '" + child.getTextContent() + "' between the elements of <"
                            + parent.getNodeName() + ">");
                }
            }
        }
        return elements;
    }

    private static List<String> names(Node parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    private static Element child(Node parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no <" + name + "> in <" + parent.getNodeName() + ">"));
    }

    private static String text(Node parent, String name) {
        Element element = child(parent, name);
        assertThat(children(element)).as("<%s> is a leaf", name).isEmpty();
        return element.getTextContent();
    }

    @Test
    void theXmlReportIsTheAmazonEnvelopeOfTheSpec() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<MessageResult> results = List.of(
                MessageResult.error(2, 8560, "SKU ABC-1, Missing Attributes <Title> & more", "ABC-1"),
                MessageResult.warning(3, 5000, "Update skipped \u00e9", null),
                MessageResult.error(0, 5001, "XML parsing error", ""));
        ProcessingReports.writeXml(out, "A1XSELLER", 51793018437L, new ProcessingSummary(3, 1, 2, 1),
                results.iterator());
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\"?>\n<AmazonEnvelope");

        Element root = parse(bytes).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("AmazonEnvelope");
        assertThat(root.getNamespaceURI()).isNull();
        assertThat(root.getAttributeNS(XSI, "noNamespaceSchemaLocation")).isEqualTo("amzn-envelope.xsd");
        assertThat(root.getAttributes().getLength()).isEqualTo(2);
        assertThat(names(root)).containsExactly("Header", "MessageType", "Message");
        Element header = child(root, "Header");
        assertThat(names(header)).containsExactly("DocumentVersion", "MerchantIdentifier");
        assertThat(text(header, "DocumentVersion")).isEqualTo("1.02");
        assertThat(text(header, "MerchantIdentifier")).isEqualTo("A1XSELLER");
        assertThat(text(root, "MessageType")).isEqualTo("ProcessingReport");
        Element message = child(root, "Message");
        assertThat(names(message)).containsExactly("MessageID", "ProcessingReport");
        assertThat(text(message, "MessageID")).isEqualTo("1");
        Element report = child(message, "ProcessingReport");
        assertThat(names(report)).containsExactly("DocumentTransactionID", "StatusCode", "ProcessingSummary",
                "Result", "Result", "Result");
        assertThat(text(report, "DocumentTransactionID")).isEqualTo("51793018437");
        assertThat(text(report, "StatusCode")).isEqualTo("Complete");
        Element summary = child(report, "ProcessingSummary");
        assertThat(names(summary)).containsExactly("MessagesProcessed", "MessagesSuccessful", "MessagesWithError",
                "MessagesWithWarning");
        assertThat(children(summary)).extracting(Node::getTextContent).containsExactly("3", "1", "2", "1");

        List<Element> written = children(report).subList(3, 6);
        Element first = written.get(0);
        assertThat(names(first)).containsExactly("MessageID", "ResultCode", "ResultMessageCode", "ResultDescription",
                "AdditionalInfo");
        assertThat(text(first, "MessageID")).isEqualTo("2");
        assertThat(text(first, "ResultCode")).isEqualTo("Error");
        assertThat(text(first, "ResultMessageCode")).isEqualTo("8560");
        assertThat(text(first, "ResultDescription")).isEqualTo("SKU ABC-1, Missing Attributes <Title> & more");
        assertThat(names(child(first, "AdditionalInfo"))).containsExactly("SKU");
        assertThat(text(child(first, "AdditionalInfo"), "SKU")).isEqualTo("ABC-1");
        Element second = written.get(1);
        assertThat(names(second)).containsExactly("MessageID", "ResultCode", "ResultMessageCode", "ResultDescription");
        assertThat(text(second, "ResultCode")).isEqualTo("Warning");
        assertThat(text(second, "ResultDescription")).isEqualTo("Update skipped \u00e9");
        Element third = written.get(2);
        assertThat(names(third)).doesNotContain("AdditionalInfo");
        assertThat(text(third, "MessageID")).isEqualTo("0");
    }

    @Test
    void anXmlReportWithoutResultsHasOnlyTheSummary() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeXml(out, "M", 1, new ProcessingSummary(5, 5, 0, 0), Collections.emptyIterator());
        Element report = child(child(parse(out.toByteArray()).getDocumentElement(), "Message"), "ProcessingReport");
        assertThat(names(report)).containsExactly("DocumentTransactionID", "StatusCode", "ProcessingSummary");
        assertThat(children(child(report, "ProcessingSummary"))).extracting(Node::getTextContent)
                .containsExactly("5", "5", "0", "0");
    }

    @Test
    void manyResultsAreStreamedFromTheIterator() throws Exception {
        int count = 5_000;
        Iterator<MessageResult> results = new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= count;
            }

            @Override
            public MessageResult next() {
                int id = next++;
                return MessageResult.error(id, 8560, "Problem " + id, "SKU-" + id);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeXml(out, "M", 9, new ProcessingSummary(count, 0, count, 0), results);
        Element report = child(child(parse(out.toByteArray()).getDocumentElement(), "Message"), "ProcessingReport");
        List<Element> all = children(report);
        assertThat(all).hasSize(3 + count);
        assertThat(text(all.get(all.size() - 1), "MessageID")).isEqualTo(String.valueOf(count));
    }

    @Test
    void theFlatReportIsTheTabDelimitedSummaryAndOneRowPerResult() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeFlat(out, new ProcessingSummary(3, 1, 2, 1), List.of(
                MessageResult.error(1, 8560, "SKU ABC-1, Missing\tAttributes\r\nTitle", "ABC-1"),
                MessageResult.warning(3, 5000, "Prix inchang\u00e9", null)).iterator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Feed Processing Summary:\n"
                + "\tNumber of records processed\t\t3\n"
                + "\tNumber of records successful\t\t1\n"
                + "\n"
                + "original-record-number\tsku\terror-code\terror-type\terror-message\n"
                + "1\tABC-1\t8560\tError\tSKU ABC-1, Missing Attributes  Title\n"
                + "3\t\t5000\tWarning\tPrix inchang\u00e9\n");
    }

    @Test
    void aFlatReportWithoutResultsIsTheSummaryAlone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProcessingReports.writeFlat(out, new ProcessingSummary(2, 2, 0, 0), Collections.emptyIterator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Feed Processing Summary:\n"
                + "\tNumber of records processed\t\t2\n"
                + "\tNumber of records successful\t\t2\n");
    }
}
