package io.openmws.protocol.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

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
}
