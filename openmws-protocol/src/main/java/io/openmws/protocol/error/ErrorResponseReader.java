package io.openmws.protocol.error;

import io.openmws.protocol.xml.SafeXml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an MWS {@code ErrorResponse} (for the SDK, and for tests of the platform), with the hardened
 * parser of {@link SafeXml}.
 *
 * <p>Lenient where real MWS varied: the request id may be spelled {@code RequestID} or
 * {@code RequestId} (or be missing); {@code Type} may be missing or empty; {@code Message} may be
 * missing (read as empty); {@code Detail} may hold any content (its text is kept); unknown elements
 * and any namespace are accepted. Strict where nothing useful could be made: the root must be
 * {@code ErrorResponse}, and there must be at least one {@code Error}, each with a {@code Code}.
 */
public final class ErrorResponseReader {

    private ErrorResponseReader() {
    }

    /**
     * Reads one {@code ErrorResponse} document. The stream is read up to the end of the root element
     * and not closed.
     *
     * @param in the response body
     * @return the document's namespace, errors and request id
     * @throws IOException on an I/O failure, or when the body is not well-formed XML or not an
     *                     {@code ErrorResponse} (the message says which)
     */
    public static ErrorResponse read(InputStream in) throws IOException {
        XMLStreamReader r = null;
        try {
            r = SafeXml.inputFactory().createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog: declaration, comments, whitespace
            }
            if (!r.isStartElement()) {
                throw new IOException("Not an MWS ErrorResponse: the body holds no XML element.");
            }
            if (!"ErrorResponse".equals(r.getLocalName())) {
                throw new IOException("Not an MWS ErrorResponse: the root element is <" + r.getLocalName() + ">.");
            }
            String namespace = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            List<MwsError> errors = new ArrayList<>();
            String requestId = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Error" -> errors.add(readError(r));
                    case "RequestID", "RequestId" -> requestId = SafeXml.elementText(r).strip();
                    default -> SafeXml.elementText(r);
                }
            }
            if (errors.isEmpty()) {
                throw new IOException("Not an MWS ErrorResponse: it holds no <Error> element.");
            }
            return ErrorResponse.of(namespace, requestId == null || requestId.isEmpty() ? null : requestId, errors);
        } catch (XMLStreamException e) {
            throw new IOException("Not a well-formed MWS ErrorResponse: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a StAX reader releases parser state only; the stream is the caller's
                }
            }
        }
    }

    private static MwsError readError(XMLStreamReader r) throws XMLStreamException, IOException {
        String type = null;
        String code = null;
        String message = null;
        String detail = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "Type" -> type = SafeXml.elementText(r);
                case "Code" -> code = SafeXml.elementText(r).strip();
                case "Message" -> message = SafeXml.elementText(r);
                case "Detail" -> detail = SafeXml.elementText(r);
                default -> SafeXml.elementText(r);
            }
        }
        if (code == null || code.isEmpty()) {
            throw new IOException("Not a usable MWS ErrorResponse: an <Error> has no <Code>.");
        }
        return MwsError.received(ErrorType.fromWire(type).orElse(null), code, message, detail);
    }
}
