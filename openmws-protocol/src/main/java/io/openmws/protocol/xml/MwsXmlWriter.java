package io.openmws.protocol.xml;

import io.openmws.protocol.ApiSection;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one XML writer of the project: streams an MWS document (a success envelope, an
 * {@code ErrorResponse}, or a namespace-less {@code AmazonEnvelope} such as a feed processing report,
 * see {@link #startRoot(String)}, {@link #namespace} and {@link #attribute}) element by element, never
 * holding more than the path of open elements.
 *
 * <pre>{@code
 * try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
 *     xml.startResponse(ApiSection.SELLERS, "ListMarketplaceParticipations");
 *     xml.start("ListParticipations").start("Participation");
 *     xml.element("MarketplaceId", id).element("HasSellerSuspendedListings", "No");
 *     xml.end().end();
 *     xml.endResponse(requestId);
 * }
 * }</pre>
 *
 * <p>What it writes, as real MWS did:
 * <ul>
 *   <li>the declaration {@code <?xml version="1.0"?>} (no encoding attribute), a line break, then
 *       the root element in its namespace; UTF-8 when writing to an {@link OutputStream};</li>
 *   <li>text escaped for XML ({@code & < >}; a carriage return as {@code &#xD;} so readers keep it);
 *       every character that XML 1.0 does not allow (control characters, unpaired surrogates,
 *       U+FFFE, U+FFFF) replaced by U+FFFD;</li>
 *   <li>no whitespace between elements unless {@link Layout#INDENTED} was asked for.</li>
 * </ul>
 *
 * <p><b>Null rule:</b> every {@code element(name, value)} writes nothing when {@code value} is
 * {@code null}, so optional fields need no {@code if}. An empty string writes an empty element
 * ({@code <Name></Name>}).
 *
 * <p>I/O failures surface as {@link IOException}; calling the methods in an order that would not
 * give a well-formed MWS document (an {@code end()} too many, {@code endResponse} with an element
 * still open, a name that is not an XML name) throws {@link IllegalStateException} or
 * {@link IllegalArgumentException}. Instances are not thread-safe; use one per document.
 */
public final class MwsXmlWriter implements AutoCloseable {

    /** Whether the writer adds line breaks and indentation between elements. */
    public enum Layout {
        /** No whitespace between elements (the default, as MWS sent it). */
        COMPACT,
        /** One element per line, indented by two spaces per level; for humans and examples. */
        INDENTED
    }

    private static final DateTimeFormatter MWS_INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final char REPLACEMENT = '\uFFFD';

    private final XMLStreamWriter xml;
    /** What {@link #flush()} must push on after StAX has written its buffer. */
    private final Flushable target;
    private final Layout layout;
    /** Names of the open elements, root first: only the current path, never the document. */
    private final List<String> open = new ArrayList<>();
    /** Per open element: whether it already has a child element (for indentation). */
    private final List<Boolean> hasChildren = new ArrayList<>();
    /** Namespace prefixes declared with {@link #namespace}, to their URIs. */
    private final Map<String, String> prefixes = new HashMap<>();
    /** Whether the current element has just been started, so it may still take attributes. */
    private boolean attributesAllowed;
    private String responseAction;
    private boolean started;
    private boolean finished;

    private MwsXmlWriter(XMLStreamWriter xml, Flushable target, Layout layout) {
        this.xml = xml;
        this.target = target;
        this.layout = layout;
    }

    /**
     * A compact writer producing UTF-8 bytes on {@code out}. Closing the writer flushes but does
     * not close {@code out}: the caller owns it.
     *
     * @param out where the document goes
     * @return a writer positioned before the XML declaration
     * @throws IOException if the underlying StAX writer cannot be created
     */
    public static MwsXmlWriter open(OutputStream out) throws IOException {
        return open(out, Layout.COMPACT);
    }

    /**
     * A writer producing UTF-8 bytes on {@code out} with the given layout. Closing the writer
     * flushes but does not close {@code out}.
     *
     * @param out where the document goes
     * @param layout compact (as MWS sent it) or indented
     * @return a writer positioned before the XML declaration
     * @throws IOException if the underlying StAX writer cannot be created
     */
    public static MwsXmlWriter open(OutputStream out, Layout layout) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(layout, "layout");
        // Given a stream, the JDK writer encodes character by character into it (a call per byte);
        // given a Writer it hands over whole runs of text, which the JDK's encoder turns into bytes
        // in bulk. Not the OutputStreamWriter itself: seeing one, the JDK writer would test each
        // char against its charset and write a surrogate pair (an emoji) as a character reference.
        // 2,048 characters: most answers fit in one, and a long one costs a few more hand-overs.
        return open(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 2048), layout);
    }

    /**
     * A compact writer producing characters on {@code out}. The declaration names no encoding, so
     * whoever turns these characters into bytes must use UTF-8. Closing the writer flushes but does
     * not close {@code out}.
     *
     * @param out where the document goes
     * @return a writer positioned before the XML declaration
     * @throws IOException if the underlying StAX writer cannot be created
     */
    public static MwsXmlWriter open(Writer out) throws IOException {
        return open(out, Layout.COMPACT);
    }

    /**
     * A writer producing characters on {@code out} with the given layout; see {@link #open(Writer)}.
     *
     * @param out where the document goes
     * @param layout compact (as MWS sent it) or indented
     * @return a writer positioned before the XML declaration
     * @throws IOException if the underlying StAX writer cannot be created
     */
    public static MwsXmlWriter open(Writer out, Layout layout) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(layout, "layout");
        try {
            return new MwsXmlWriter(factory().createXMLStreamWriter(out), out, layout);
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    /**
     * The JDK's own implementation (its declaration and escaping are what the tests pin), one per
     * thread: creating one looks up its properties anew, which cost as much as writing a small answer,
     * and StAX promises no factory may be shared between threads.
     */
    private static final ThreadLocal<XMLOutputFactory> FACTORY = ThreadLocal.withInitial(XMLOutputFactory::newDefaultFactory);

    private static XMLOutputFactory factory() {
        return FACTORY.get();
    }

    /**
     * Writes the declaration and the root element {@code name} with {@code namespace} as its default
     * namespace. Every document starts with exactly one call to this method or to
     * {@link #startResponse}.
     *
     * @param name the root element's name, e.g. {@code ErrorResponse}
     * @param namespace the default namespace, copied exactly (see {@link ApiSection#namespace()})
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter startRoot(String name, String namespace) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        return root(name, namespace);
    }

    /**
     * Writes the declaration and the root element {@code name} in no namespace, as feed documents and
     * processing reports are ({@code <AmazonEnvelope>}). Every document starts with exactly one call to
     * a {@code startRoot} method or to {@link #startResponse}.
     *
     * @param name the root element's name
     * @return this writer, on the root element, which may still take {@link #namespace} and
     *         {@link #attribute} calls
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter startRoot(String name) throws IOException {
        return root(name, null);
    }

    private MwsXmlWriter root(String name, String namespace) throws IOException {
        checkName(name);
        if (started) {
            throw new IllegalStateException("The document already has its root element <" + rootName()
                    + ">; an XML document has exactly one root.");
        }
        started = true;
        try {
            xml.writeStartDocument("1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(name);
            if (namespace != null) {
                xml.writeDefaultNamespace(namespace);
            }
        } catch (XMLStreamException e) {
            throw io(e);
        }
        open.add(name);
        hasChildren.add(Boolean.FALSE);
        attributesAllowed = true;
        return this;
    }

    /**
     * Declares {@code xmlns:prefix="uri"} on the element just started (before any child or text), so
     * {@link #attribute} can use {@code prefix:}; e.g. {@code namespace("xsi",
     * "http://www.w3.org/2001/XMLSchema-instance")}.
     *
     * @param prefix the prefix, an XML name without a colon
     * @param uri the namespace URI, copied exactly
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter namespace(String prefix, String uri) throws IOException {
        checkName(prefix);
        Objects.requireNonNull(uri, "uri");
        requireAttributesAllowed("xmlns:" + prefix);
        try {
            xml.writeNamespace(prefix, uri);
        } catch (XMLStreamException e) {
            throw io(e);
        }
        prefixes.put(prefix, uri);
        return this;
    }

    /**
     * Writes an attribute on the element just started (before any child or text), or nothing when
     * {@code value} is {@code null}. A {@code prefix:local} name needs the prefix declared first with
     * {@link #namespace}. The value is escaped, and characters XML 1.0 does not allow become U+FFFD.
     *
     * @param name the attribute's name, {@code local} or {@code prefix:local}
     * @param value the value, or {@code null} to write nothing
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter attribute(String name, String value) throws IOException {
        Objects.requireNonNull(name, "attribute name");
        int colon = name.indexOf(':');
        String prefix = colon < 0 ? null : name.substring(0, colon);
        String local = colon < 0 ? name : name.substring(colon + 1);
        checkName(local);
        if (prefix != null && !prefixes.containsKey(prefix)) {
            throw new IllegalArgumentException("Attribute '" + name + "' uses the prefix '" + prefix
                    + "', which was not declared; call namespace(\"" + prefix + "\", uri) first.");
        }
        if (value == null) {
            return this;
        }
        requireAttributesAllowed(name);
        try {
            if (prefix == null) {
                xml.writeAttribute(local, replaceForbidden(value));
            } else {
                xml.writeAttribute(prefix, prefixes.get(prefix), local, replaceForbidden(value));
            }
        } catch (XMLStreamException e) {
            throw io(e);
        }
        return this;
    }

    private void requireAttributesAllowed(String name) {
        if (!attributesAllowed) {
            throw new IllegalStateException("Cannot write " + name + " here: attributes and namespace declarations"
                    + " go right after start() or startRoot(), before any child element or text.");
        }
    }

    /** The value with every character XML 1.0 does not allow (but CR) replaced by U+FFFD. */
    private static String replaceForbidden(String value) {
        StringBuilder out = null;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean keep = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!keep && out == null) {
                out = new StringBuilder(n).append(value, 0, i);
            }
            if (out != null) {
                out.append(keep ? c : REPLACEMENT);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Starts a success envelope: writes {@code <{action}Response xmlns="...">} in the namespace the
     * section uses for this action, then opens {@code <{action}Result>}. For a ByNextToken operation
     * pass its full name ({@code ListOrdersByNextToken}); the element names follow from it.
     *
     * @param section the API section answering
     * @param action the operation name exactly as MWS spells it
     * @return this writer, positioned inside the {@code Result} element
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter startResponse(ApiSection section, String action) throws IOException {
        Objects.requireNonNull(section, "section");
        checkName(action);
        startRoot(action + "Response", section.namespaceFor(action));
        start(action + "Result");
        responseAction = action;
        return this;
    }

    /**
     * Ends a success envelope: closes {@code {action}Result}, writes
     * {@code <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata>}, closes the root and
     * flushes. Every element opened inside the result must have been closed with {@link #end()}.
     *
     * @param requestId the request id (also sent as {@code x-mws-request-id})
     * @throws IOException on an I/O failure
     */
    public void endResponse(String requestId) throws IOException {
        if (responseAction == null) {
            throw new IllegalStateException("endResponse() without startResponse(); use end() to close"
                    + " a document started with startRoot().");
        }
        if (Objects.requireNonNull(requestId, "requestId").isBlank()) {
            throw new IllegalArgumentException("requestId is blank; every MWS response carries one.");
        }
        if (finished) {
            throw new IllegalStateException("endResponse() called twice; the response is already complete.");
        }
        String result = responseAction + "Result";
        if (open.size() != 2 || !result.equals(open.get(1))) {
            throw new IllegalStateException("endResponse() with <" + open.get(open.size() - 1)
                    + "> still open; close every element inside <" + result + "> with end() first.");
        }
        end();
        start("ResponseMetadata");
        element("RequestId", requestId);
        end();
        end();
    }

    /**
     * Opens a child element of the current element.
     *
     * @param name the element's name
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter start(String name) throws IOException {
        checkName(name);
        requireOpen(name);
        try {
            beforeChild();
            xml.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw io(e);
        }
        open.add(name);
        hasChildren.add(Boolean.FALSE);
        attributesAllowed = true;
        return this;
    }

    /**
     * Closes the current element. Closing the root ends the document and flushes it.
     *
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter end() throws IOException {
        if (open.isEmpty()) {
            throw new IllegalStateException(finished
                    ? "end() after the root element was closed; the document is complete."
                    : "end() with no element open; start the document with startRoot() or startResponse().");
        }
        int last = open.size() - 1;
        attributesAllowed = false;
        try {
            if (layout == Layout.INDENTED && hasChildren.get(last)) {
                newline(last);
            }
            xml.writeEndElement();
            open.remove(last);
            hasChildren.remove(last);
            if (open.isEmpty()) {
                finished = true;
                xml.writeEndDocument();
                xml.flush();
                target.flush();
            }
        } catch (XMLStreamException e) {
            throw io(e);
        }
        return this;
    }

    /**
     * Writes {@code <name>value</name>}, or nothing when {@code value} is {@code null}.
     *
     * @param name the element's name
     * @param value the text; characters XML 1.0 does not allow become U+FFFD
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter element(String name, String value) throws IOException {
        checkName(name);
        if (value == null) {
            return this;
        }
        requireOpen(name);
        try {
            beforeChild();
            xml.writeStartElement(name);
            writeText(value);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw io(e);
        }
        return this;
    }

    /**
     * Writes a boolean as {@code true} or {@code false} (the MWS {@code xs:boolean} form), or nothing
     * when {@code value} is {@code null}. For the Sellers {@code Yes}/{@code No} fields pass a string.
     *
     * @param name the element's name
     * @param value the value, or {@code null} to write nothing
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter element(String name, Boolean value) throws IOException {
        return element(name, value == null ? null : value.toString());
    }

    /**
     * Writes an integer in decimal, or nothing when {@code value} is {@code null}.
     *
     * @param name the element's name
     * @param value the value, or {@code null} to write nothing
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter element(String name, Integer value) throws IOException {
        return element(name, value == null ? null : value.toString());
    }

    /**
     * Writes a long in decimal (ids such as {@code FeedSubmissionId}), or nothing when {@code value}
     * is {@code null}.
     *
     * @param name the element's name
     * @param value the value, or {@code null} to write nothing
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter element(String name, Long value) throws IOException {
        return element(name, value == null ? null : value.toString());
    }

    /**
     * Writes a decimal (a money amount) in plain notation, never with an exponent, keeping its
     * scale: {@code 12.50} stays {@code 12.50}. Set the currency's scale before calling. Writes
     * nothing when {@code value} is {@code null}.
     *
     * @param name the element's name
     * @param value the value, or {@code null} to write nothing
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter element(String name, BigDecimal value) throws IOException {
        return element(name, value == null ? null : value.toPlainString());
    }

    /**
     * Writes an instant as MWS does, in UTC with milliseconds: {@code 2020-05-28T11:22:25.398Z}
     * (sub-millisecond digits are dropped). Writes nothing when {@code value} is {@code null}.
     *
     * @param name the element's name
     * @param value the value, or {@code null} to write nothing
     * @return this writer
     * @throws IOException on an I/O failure
     */
    public MwsXmlWriter element(String name, Instant value) throws IOException {
        return element(name, value == null ? null : MWS_INSTANT.format(value));
    }

    /**
     * Flushes what has been written so far to the target, so a long response reaches the client
     * while it is being produced.
     *
     * @throws IOException on an I/O failure
     */
    public void flush() throws IOException {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw io(e);
        }
        target.flush();
    }

    /**
     * Flushes and releases the writer without closing the target. A document left incomplete (an
     * element still open) is not completed: a truncated response must not look whole. In that case
     * this method throws {@link IllegalStateException} after flushing, which in a try-with-resources
     * block is added as suppressed to any exception that caused the early exit.
     *
     * @throws IOException on an I/O failure
     */
    @Override
    public void close() throws IOException {
        try {
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw io(e);
        }
        target.flush();
        if (!open.isEmpty()) {
            throw new IllegalStateException("XML document closed with <" + String.join("><", open)
                    + "> still open; call end() or endResponse() before closing.");
        }
    }

    private void requireOpen(String name) {
        if (open.isEmpty()) {
            throw new IllegalStateException(finished
                    ? "Cannot write <" + name + "> after the root element was closed."
                    : "Cannot write <" + name + "> before the root; call startRoot() or startResponse() first.");
        }
    }

    private String rootName() {
        return open.isEmpty() ? "?" : open.get(0);
    }

    private void beforeChild() throws XMLStreamException {
        attributesAllowed = false;
        int last = open.size() - 1;
        hasChildren.set(last, Boolean.TRUE);
        if (layout == Layout.INDENTED) {
            newline(open.size());
        }
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Writes text, replacing what XML 1.0 forbids and keeping carriage returns as references. */
    private void writeText(String value) throws XMLStreamException {
        StringBuilder chunk = null;
        int from = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean keep = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (keep) {
                continue;
            }
            if (chunk == null) {
                chunk = new StringBuilder(n);
            }
            chunk.append(value, from, i);
            from = i + 1;
            if (c == '\r') {
                // A literal CR would be normalised to LF by every reader; the reference survives.
                xml.writeCharacters(chunk.toString());
                chunk.setLength(0);
                xml.writeEntityRef("#xD");
            } else {
                chunk.append(REPLACEMENT);
            }
        }
        if (chunk == null) {
            xml.writeCharacters(value);
        } else {
            chunk.append(value, from, n);
            xml.writeCharacters(chunk.toString());
        }
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "element name");
        if (!isName(name)) {
            throw new IllegalArgumentException("Not an XML element name: '" + name
                    + "'. MWS element and action names are letters, digits, '_', '.' and '-',"
                    + " starting with a letter or '_'.");
        }
    }

    /**
     * Whether {@code name} matches {@code [A-Za-z_][A-Za-z0-9_.-]*}: checked for every element written,
     * so by a loop rather than a regular expression (a matcher per element was a tenth of what the
     * gateway allocates).
     */
    static boolean isName(String name) {
        if (name.isEmpty() || !(asciiLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(asciiLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static IOException io(XMLStreamException e) {
        if (e.getCause() instanceof IOException cause) {
            return cause;
        }
        if (e.getNestedException() instanceof IOException nested) {
            return nested;
        }
        return new IOException("Could not write XML: " + e.getMessage(), e);
    }
}
