package io.openmws.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    private static final String SECRET = "top-secret-file-content-7f3a";

    /** Reads every text of the document; returns it, or the parser's error message. */
    private static String readAllText(String xml) {
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = SafeXml.inputFactory()
                    .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                }
                if (e == XMLStreamConstants.ENTITY_REFERENCE) {
                    text.append(r.getText());
                }
            }
            return text.toString();
        } catch (XMLStreamException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void externalEntityReferringToALocalFileIsNotExpanded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, SECRET);
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>\n"
                + "<r>&xxe;</r>";

        assertThat(readAllText(xxe)).doesNotContain(SECRET);
    }

    @Test
    void thePayloadDoesLeakThroughAnUnhardenedFactorySoTheTestsAboveMeanSomething(@TempDir Path dir)
            throws IOException, XMLStreamException {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, SECRET);
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>\n"
                + "<r>&xxe;</r>";
        XMLStreamReader r = javax.xml.stream.XMLInputFactory.newDefaultFactory()
                .createXMLStreamReader(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)));
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.CHARACTERS) {
                text.append(r.getText());
            }
        }
        assertThat(text.toString()).contains(SECRET);
    }

    @Test
    void parameterEntityReferringToALocalFileIsNotExpanded(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret.dtd");
        Files.writeString(file, "<!ENTITY leak \"" + SECRET + "\">");
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE r [<!ENTITY % ext SYSTEM \"" + file.toUri() + "\"> %ext;]>\n"
                + "<r>&leak;</r>";

        assertThat(readAllText(xxe)).doesNotContain(SECRET);
    }

    @Test
    void externalDtdIsNotFetched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ext.dtd");
        Files.writeString(file, "<!ENTITY leak \"" + SECRET + "\">");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"" + file.toUri() + "\">\n<r>&leak;</r>";

        assertThat(readAllText(xml)).doesNotContain(SECRET);
    }

    @Test
    void ordinaryDocumentsAreReadNormally() {
        assertThat(readAllText("<?xml version=\"1.0\"?><r xmlns=\"urn:x\">a &amp; b<c>d</c></r>")).isEqualTo("a & bd");
    }

    @Test
    void factoryIsTheJdkImplementationWithDtdSupportOff() {
        var factory = SafeXml.inputFactory();
        assertThat(factory.getProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD)).isEqualTo(Boolean.FALSE);
        assertThat(factory.getProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES))
                .isEqualTo(Boolean.FALSE);
        assertThat(factory.getClass().getName()).startsWith("com.sun.xml.internal.stream");
    }
}
