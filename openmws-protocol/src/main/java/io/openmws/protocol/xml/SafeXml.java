package io.openmws.protocol.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened StAX input for all XML this project parses (feeds, responses read by the SDK, error
 * documents): no DTD processing, no external entities, no resolver that could open a file or URL.
 *
 * <p>A document that declares a DTD or refers to an entity is either refused by the parser or read
 * without the entity's content; its target is never fetched.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /**
     * A new, hardened input factory from the JDK's built-in StAX implementation.
     *
     * <p>A new factory is returned on each call because StAX factories are not guaranteed to be safe
     * to configure from several threads; creating one is cheap.
     *
     * @return a namespace-aware factory with DTDs and external entities disabled
     */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // Defence in depth: should anything still ask for an external resource, refuse it.
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External entity refused: " + systemId
                    + ". MWS documents never need DTDs or external entities.");
        });
        return factory;
    }

    /**
     * All text inside the element the reader stands on (its start tag), nested elements included;
     * leaves the reader on that element's end tag.
     *
     * @param reader a reader positioned on a start element
     * @return the element's text, empty for an empty element
     * @throws XMLStreamException when the document breaks off
     */
    public static String elementText(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                default -> {
                    // comments and processing instructions carry no content
                }
            }
        }
        return text.toString();
    }
}
