package io.openmws.server.feeds;

import io.openmws.protocol.xml.SafeXml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML feed ({@code AmazonEnvelope}, ../shared/spec/mws-data-apis.md §2) one {@code Message} at a
 * time with StAX, holding only the message being read.
 *
 * <p>The envelope ({@code Header} with {@code DocumentVersion} and {@code MerchantIdentifier}, then
 * {@code MessageType}, optional {@code PurgeAndReplace} and {@code EffectiveDate}) is read on the first
 * call to {@link #next()}; its values are available from the accessors after that call.
 *
 * <p>The bytes are decoded here: UTF-8 or UTF-16 by a byte-order mark, otherwise the encoding the XML
 * declaration names, otherwise UTF-8.
 *
 * <p>What ends the file ({@link FeedFormatException}) with {@value #XML_FATAL}: XML that is not
 * well-formed or breaks off, bytes not of the encoding, a DTD ({@code DOCTYPE}: refused as soon as it is
 * read, so no entity is ever expanded, fetched or opened), nesting deeper than {@value #MAX_DEPTH}, more
 * than {@value #MAX_ATTRIBUTES} attributes on an element, a single tag, comment, CDATA section or
 * processing instruction longer than {@value #MAX_MARKUP} characters, more than {@value #MAX_NAMES}
 * distinct names. With {@value #XML_SCHEMA}: an envelope of the wrong shape, a {@code MessageType} other
 * than the feed type's, a {@code Message} without a positive numeric {@code MessageID}.
 *
 * <p>What marks one message only ({@link FeedRecord#problems()}): a payload element other than the
 * {@code MessageType}, none or a second one, an unknown {@code OperationType}, a value longer than
 * {@value #MAX_TEXT} characters, more than {@value #MAX_VALUES} values or {@value #MAX_MESSAGE_CHARS}
 * characters in one message (the excess is not kept).
 *
 * <p>Repeated groups stay aligned: below an element directly inside the payload (a group, such as an
 * order's {@code Item}), the n-th value of a field belongs to the n-th group of that name, blank where
 * that group has no such field; so an {@code Item} without a {@code Quantity} cannot lend the next
 * Item's quantity to itself. (A leaf repeated within one group is the exception: its values follow each
 * other.) The blanks count as values.
 */
public final class XmlFeedReader implements FeedReader {

    /** ResultMessageCode for XML that cannot be parsed (§2.7). */
    public static final int XML_FATAL = 5001;
    /** ResultMessageCode for well-formed XML of the wrong shape (§2.7). */
    public static final int XML_SCHEMA = 5000;
    /** Longest value (element text or attribute) kept, in characters. */
    public static final int MAX_TEXT = 64 * 1024;
    /** Deepest element nesting accepted, counting {@code AmazonEnvelope} as 1. */
    public static final int MAX_DEPTH = 32;
    /** Most values kept for one message. */
    public static final int MAX_VALUES = 10_000;
    /** Most characters kept for one message, all values together. */
    public static final int MAX_MESSAGE_CHARS = 4 * 1024 * 1024;
    /** Most attributes on one element; more stops the parser. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Most distinct element, attribute, prefix, namespace and instruction names in one feed. */
    public static final int MAX_NAMES = 20_000;
    /** Longest single tag, comment, CDATA section or processing instruction, in characters. */
    public static final int MAX_MARKUP = 1024 * 1024;

    /** How many bytes are looked at for a byte-order mark and the XML declaration. */
    private static final int DECLARATION_SNIFF = 256;
    private static final Pattern ENCODING = Pattern.compile("\\sencoding\\s*=\\s*([\"'])([A-Za-z][A-Za-z0-9._:-]*)\\1");

    private static final Set<String> OPERATION_TYPES = Set.of("Update", "Delete", "PartialUpdate");

    private final InputStream body;
    private final String expectedMessageType;
    private XMLStreamReader xml;
    private int depth;
    private boolean failed;
    private boolean finished;
    /** The header phase left the reader on an event {@link #next()} must look at first. */
    private boolean pending;
    private int messagesRead;
    /** Every distinct name seen; bounded by {@link #MAX_NAMES}. */
    private final Set<String> names = new HashSet<>();

    private String documentVersion;
    private String merchantIdentifier;
    private String messageType;
    private boolean purgeAndReplace;
    private Charset encoding;

    /**
     * @param body                the feed's bytes (the encoding comes from the XML declaration or BOM);
     *                            closed by {@link #close()}
     * @param expectedMessageType the {@code MessageType} the feed type requires (e.g. {@code Product}),
     *                            or null to accept any
     */
    public XmlFeedReader(InputStream body, String expectedMessageType) {
        this.body = Objects.requireNonNull(body, "body");
        this.expectedMessageType = expectedMessageType;
    }

    /** The {@code MessageType} each XML feed type carries; empty for a flat-file or unknown type. */
    public static Optional<String> messageTypeOf(String feedType) {
        if (feedType == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (feedType) {
            case "_POST_PRODUCT_DATA_" -> "Product";
            case "_POST_PRODUCT_PRICING_DATA_" -> "Price";
            case "_POST_INVENTORY_AVAILABILITY_DATA_" -> "Inventory";
            case "_POST_PRODUCT_RELATIONSHIP_DATA_" -> "Relationship";
            case "_POST_PRODUCT_IMAGE_DATA_" -> "ProductImage";
            case "_POST_PRODUCT_OVERRIDES_DATA_" -> "Override";
            case "_POST_ORDER_ACKNOWLEDGEMENT_DATA_" -> "OrderAcknowledgement";
            case "_POST_ORDER_FULFILLMENT_DATA_" -> "OrderFulfillment";
            case "_POST_PAYMENT_ADJUSTMENT_DATA_" -> "OrderAdjustment";
            default -> null;
        });
    }

    /** The header's {@code DocumentVersion}; null before the first {@link #next()}. */
    public String documentVersion() {
        return documentVersion;
    }

    /** The header's {@code MerchantIdentifier}; null before the first {@link #next()}. */
    public String merchantIdentifier() {
        return merchantIdentifier;
    }

    /** The envelope's {@code MessageType}; null before the first {@link #next()}. */
    public String messageType() {
        return messageType;
    }

    /** Whether the envelope says {@code <PurgeAndReplace>true</PurgeAndReplace>}. */
    public boolean purgeAndReplace() {
        return purgeAndReplace;
    }

    @Override
    public FeedRecord next() throws IOException, FeedFormatException {
        if (failed) {
            throw new IllegalStateException("This feed could not be read further; its FeedFormatException was thrown before.");
        }
        if (finished) {
            return null;
        }
        try {
            if (xml == null) {
                open();
                readEnvelopeStart();
            }
            int event = pending ? xml.getEventType() : structural();
            pending = false;
            if (event == XMLStreamConstants.START_ELEMENT && "Message".equals(xml.getLocalName())) {
                return readMessage();
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                // </AmazonEnvelope>: anything after it but comments and whitespace is a fatal error.
                while (xml.next() != XMLStreamConstants.END_DOCUMENT) {
                    if (xml.getEventType() == XMLStreamConstants.DTD) {
                        throw fatal("A DOCTYPE is not allowed in a feed");
                    }
                    if (xml.getEventType() == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                        name(xml.getPITarget());
                    }
                }
                finished = true;
                return null;
            }
            throw schema("Unexpected <" + xml.getLocalName() + "> in <AmazonEnvelope>: after the header only"
                    + " <Message> elements may follow");
        } catch (XMLStreamException e) {
            failed = true;
            IOException io = ioCause(e);
            if (io instanceof CharacterCodingException) {
                throw new FeedFormatException(XML_FATAL, "XML parsing error" + where() + ": the feed holds bytes that are not valid "
                        + encoding.name() + ", the encoding its byte-order mark or XML declaration gives (UTF-8 when"
                        + " neither does)");
            }
            if (io != null && !(io instanceof XmlMarkupLimit.MarkupTooLongException)) {
                // The body could not be read (not a fault of the feed): the caller may try again.
                throw io;
            }
            Location where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNumber() + ", column " + where.getColumnNumber();
            throw new FeedFormatException(XML_FATAL, "XML parsing error" + at + ": " + cleanMessage(e));
        } catch (FeedFormatException | IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // The parser holds nothing that outlives the stream closed below.
        } finally {
            body.close();
        }
    }

    private void open() throws XMLStreamException, IOException, FeedFormatException {
        XMLInputFactory factory = SafeXml.inputFactory();
        factory.setProperty("jdk.xml.elementAttributeLimit", String.valueOf(MAX_ATTRIBUTES));
        factory.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH + 1));
        // The feed is decoded here, not by the parser: a byte that is not of the encoding then ends the
        // feed with a clear message (the JDK parser would also print it to standard error), and the
        // markup limit watches characters, whatever the encoding.
        PushbackInputStream in = new PushbackInputStream(body, DECLARATION_SNIFF);
        byte[] head = in.readNBytes(DECLARATION_SNIFF);
        Charset charset = utf16(head);
        int skip = 0;
        if (charset != null) {
            skip = (head[0] & 0xFF) + (head[1] & 0xFF) == 0xFE + 0xFF ? 2 : 0;
        } else if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else {
            charset = declaredEncoding(head);
        }
        in.unread(head, skip, head.length - skip);
        encoding = charset;
        Reader chars = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 8192);
        xml = factory.createXMLStreamReader(XmlMarkupLimit.watch(chars, MAX_MARKUP));
    }

    /** The encoding an ASCII-compatible document's XML declaration names; UTF-8 when it names none. */
    private static Charset declaredEncoding(byte[] head) throws FeedFormatException {
        String start = new String(head, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) {
            return StandardCharsets.UTF_8;
        }
        int end = start.indexOf("?>");
        Matcher encoding = ENCODING.matcher(end < 0 ? start : start.substring(0, end));
        if (!encoding.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = encoding.group(2);
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw new FeedFormatException(XML_FATAL, "XML parsing error: the XML declaration names the encoding '"
                    + abbreviate(name) + "', which is not supported; use UTF-8");
        }
        if (charset.name().toUpperCase(Locale.ROOT).matches("(X-)?UTF-(16|32).*")) {
            throw new FeedFormatException(XML_FATAL, "XML parsing error: the XML declaration names " + name
                    + ", but the document is not written in it (no byte-order mark, one byte per character)");
        }
        return charset;
    }

    /** UTF-16 by its byte-order mark or by a declaration's first characters; null otherwise. */
    private static Charset utf16(byte[] head) {
        if (head.length < 2) {
            return null;
        }
        int a = head[0] & 0xFF;
        int b = head[1] & 0xFF;
        if (a == 0xFE && b == 0xFF || a == 0x00 && b == '<') {
            return StandardCharsets.UTF_16BE;
        }
        if (a == 0xFF && b == 0xFE && (head.length < 4 || head[2] != 0 || head[3] != 0) || a == '<' && b == 0x00) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private void readEnvelopeStart() throws XMLStreamException, FeedFormatException {
        if (structural() != XMLStreamConstants.START_ELEMENT || !"AmazonEnvelope".equals(xml.getLocalName())) {
            throw schema("The root element must be <AmazonEnvelope>, not <" + xml.getLocalName() + ">");
        }
        if (structural() != XMLStreamConstants.START_ELEMENT || !"Header".equals(xml.getLocalName())) {
            throw schema("<AmazonEnvelope> must start with <Header>");
        }
        while (structural() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            String text = leafText(name);
            switch (name) {
                case "DocumentVersion" -> documentVersion = text;
                case "MerchantIdentifier" -> merchantIdentifier = text;
                default -> throw schema("Unexpected <" + name + "> in <Header>: it holds <DocumentVersion>"
                        + " and <MerchantIdentifier>");
            }
        }
        if (documentVersion == null || !documentVersion.matches("\\d{1,2}\\.\\d{1,2}")) {
            throw schema("<Header> needs a <DocumentVersion> such as 1.01");
        }
        if (merchantIdentifier == null || merchantIdentifier.isEmpty()) {
            throw schema("<Header> needs a <MerchantIdentifier> (your seller id)");
        }
        if (structural() != XMLStreamConstants.START_ELEMENT || !"MessageType".equals(xml.getLocalName())) {
            throw schema("<Header> must be followed by <MessageType>");
        }
        messageType = leafText("MessageType");
        if (expectedMessageType != null && !expectedMessageType.equals(messageType)) {
            throw schema("<MessageType> is '" + messageType + "', but this feed type carries '"
                    + expectedMessageType + "' messages");
        }
        int event = structural();
        if (event == XMLStreamConstants.START_ELEMENT && "PurgeAndReplace".equals(xml.getLocalName())) {
            String value = leafText("PurgeAndReplace");
            // xs:boolean: true, false, 1 or 0.
            if (!Set.of("true", "false", "1", "0").contains(value)) {
                throw schema("<PurgeAndReplace> must be true or false, not '" + abbreviate(value) + "'");
            }
            purgeAndReplace = value.equals("true") || value.equals("1");
            event = structural();
        }
        if (event == XMLStreamConstants.START_ELEMENT && "EffectiveDate".equals(xml.getLocalName())) {
            leafText("EffectiveDate");
            event = structural();
        }
        pending = true;
    }

    private FeedRecord readMessage() throws XMLStreamException, FeedFormatException {
        messagesRead++;
        Long messageId = null;
        String operationType = "Update";
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String payload = null;
        while (structural() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            switch (name) {
                case "MessageID" -> messageId = parseMessageId(leafText(name));
                case "OperationType" -> {
                    operationType = leafText(name);
                    if (!OPERATION_TYPES.contains(operationType)) {
                        problems.add("OperationType '" + operationType + "' is not one of Update, Delete, PartialUpdate");
                    }
                }
                default -> {
                    if (payload != null) {
                        problems.add("The message holds <" + name + "> after its <" + payload
                                + ">; a message carries exactly one payload element");
                        new PayloadReader(new LinkedHashMap<>(), new ArrayList<>()).read(name);
                    } else {
                        payload = name;
                        if (messageType != null && !messageType.equals(name)) {
                            problems.add("The message carries <" + name + ">, but the MessageType is "
                                    + messageType);
                        }
                        new PayloadReader(fields, problems).read(name);
                    }
                }
            }
        }
        // On </Message>.
        if (messageId == null) {
            throw schema("Message number " + messagesRead + " in the file has no <MessageID>");
        }
        if (payload == null) {
            problems.add("The message has no <" + (messageType == null ? "payload" : messageType) + "> element");
        }
        return new FeedRecord(messageId, operationType, fields, problems);
    }

    private Long parseMessageId(String text) throws FeedFormatException {
        if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) == 0) {
            throw schema("MessageID '" + abbreviate(text) + "' in message number " + messagesRead
                    + " is not a positive whole number");
        }
        return Long.parseLong(text);
    }

    /** Collects one payload element's leaves by dotted path, within the limits. */
    private final class PayloadReader {
        private final Map<String, List<String>> fields;
        private final List<String> problems;
        private int values;
        private long chars;
        private boolean overflowReported;
        /** How many times each element directly below the payload has started so far. */
        private final Map<String, Integer> occurrences = new HashMap<>();
        /** The fields below each element directly below the payload: the leaves of its group. */
        private final Map<String, Set<String>> groupFields = new HashMap<>();

        PayloadReader(Map<String, List<String>> fields, List<String> problems) {
            this.fields = fields;
            this.problems = problems;
        }

        /** Reads the element the parser stands on (its start tag) to its end tag. */
        void read(String payloadName) throws XMLStreamException, FeedFormatException {
            attributes("");
            int base = depth;
            List<String> path = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean textTooLong = false;
            boolean hasChild = false;
            // Per open element below the payload: whether it has child elements.
            List<Boolean> children = new ArrayList<>();
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        enter();
                        if (!children.isEmpty()) {
                            children.set(children.size() - 1, Boolean.TRUE);
                        }
                        if (path.isEmpty()) {
                            occurrences.merge(xml.getLocalName(), 1, Integer::sum);
                        }
                        path.add(xml.getLocalName());
                        children.add(Boolean.FALSE);
                        text.setLength(0);
                        textTooLong = false;
                        attributes(String.join(".", path));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!textTooLong) {
                            int room = MAX_TEXT - text.length();
                            int length = xml.getTextLength();
                            if (length > room) {
                                textTooLong = true;
                                text.setLength(0);
                            } else {
                                text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (depth < base) {
                            if (!hasChild && path.isEmpty() && !text.isEmpty() && !text.toString().isBlank()) {
                                problems.add("<" + payloadName + "> holds text; its values belong in child elements");
                            }
                            return;
                        }
                        String dotted = String.join(".", path);
                        boolean leaf = !children.remove(children.size() - 1);
                        if (leaf) {
                            if (textTooLong) {
                                problems.add("The value of " + dotted + " is longer than " + MAX_TEXT
                                        + " characters and was not read");
                            } else {
                                add(dotted, text.toString().strip());
                            }
                        } else if (path.size() == 1) {
                            endGroup(path.get(0));
                        }
                        path.remove(path.size() - 1);
                        hasChild = true;
                        text.setLength(0);
                        textTooLong = false;
                    }
                    case XMLStreamConstants.DTD -> throw fatal("A DOCTYPE is not allowed in a feed");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw fatal("Entity references are not allowed in a feed");
                    case XMLStreamConstants.END_DOCUMENT -> throw fatal("The document ends inside <" + payloadName + ">");
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> name(xml.getPITarget());
                    default -> {
                        // comments and processing instructions carry no value
                    }
                }
            }
        }

        private void attributes(String path) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                String value = xml.getAttributeValue(i);
                String name = path + "@" + xml.getAttributeLocalName(i);
                if (value.length() > MAX_TEXT) {
                    problems.add("The value of " + name + " is longer than " + MAX_TEXT + " characters and was not read");
                } else {
                    add(name, value.strip());
                }
            }
        }

        private void add(String path, String value) {
            int dot = path.indexOf('.');
            if (dot > 0) {
                // Below a repeated group such as an order's Item: blanks for the earlier groups that lacked it.
                String group = path.substring(0, dot);
                groupFields.computeIfAbsent(group, k -> new LinkedHashSet<>()).add(path);
                pad(path, occurrences.getOrDefault(group, 1) - 1);
            }
            if (!room(value.length())) {
                return;
            }
            values++;
            chars += value.length();
            fields.computeIfAbsent(path, k -> new ArrayList<>(1)).add(value);
        }

        /** A group ended: every field of its earlier groups gets a blank where this one had no value. */
        private void endGroup(String group) {
            Set<String> paths = groupFields.get(group);
            if (paths != null) {
                int size = occurrences.getOrDefault(group, 1);
                for (String path : paths) {
                    pad(path, size);
                }
            }
        }

        private void pad(String path, int size) {
            List<String> list = fields.get(path);
            while ((list == null ? 0 : list.size()) < size && room(0)) {
                values++;
                list = fields.computeIfAbsent(path, k -> new ArrayList<>(1));
                list.add("");
            }
        }

        private boolean room(int length) {
            if (values >= MAX_VALUES || chars + length > MAX_MESSAGE_CHARS) {
                if (!overflowReported) {
                    overflowReported = true;
                    problems.add("The message holds more than " + MAX_VALUES + " values or "
                            + MAX_MESSAGE_CHARS + " characters; the rest was not read");
                }
                return false;
            }
            return true;
        }
    }

    /**
     * Moves to the next start or end tag, skipping whitespace, comments and processing instructions.
     * Keeps {@link #depth}: the depth of the element started, or of the parent of the one ended. Text
     * between structural elements is a schema error.
     */
    private int structural() throws XMLStreamException, FeedFormatException {
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    enter();
                    return event;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    return event;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!xml.isWhiteSpace()) {
                        throw schema("Text '" + abbreviate(xml.getText().strip()) + "' where only elements may stand");
                    }
                }
                case XMLStreamConstants.DTD -> throw fatal("A DOCTYPE is not allowed in a feed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw fatal("Entity references are not allowed in a feed");
                case XMLStreamConstants.END_DOCUMENT -> throw fatal("The document ends before </AmazonEnvelope>");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> name(xml.getPITarget());
                default -> {
                    // comments
                }
            }
        }
    }

    /** The text of a leaf element the parser stands on (start tag), leaving it on the end tag. */
    private String leafText(String name) throws XMLStreamException, FeedFormatException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > MAX_TEXT) {
                        throw schema("<" + name + "> is longer than " + MAX_TEXT + " characters");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.START_ELEMENT -> throw schema("<" + name + "> must hold text, not <"
                        + xml.getLocalName() + ">");
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    return text.toString().strip();
                }
                case XMLStreamConstants.DTD -> throw fatal("A DOCTYPE is not allowed in a feed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw fatal("Entity references are not allowed in a feed");
                case XMLStreamConstants.END_DOCUMENT -> throw fatal("The document ends inside <" + name + ">");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> name(xml.getPITarget());
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    private void enter() throws FeedFormatException {
        depth++;
        if (depth > MAX_DEPTH) {
            throw fatal("Elements are nested deeper than " + MAX_DEPTH + " levels");
        }
        name(xml.getLocalName());
        name(xml.getPrefix());
        name(xml.getNamespaceURI());
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            name(xml.getAttributeLocalName(i));
            name(xml.getAttributePrefix(i));
            name(xml.getAttributeNamespace(i));
        }
        for (int i = 0; i < xml.getNamespaceCount(); i++) {
            name(xml.getNamespacePrefix(i));
            name(xml.getNamespaceURI(i));
        }
    }

    /**
     * Counts a name the parser keeps for the rest of the document (its symbol table never forgets one):
     * a feed of endless distinct names would otherwise fill the heap.
     */
    private void name(String name) throws FeedFormatException {
        if (name != null && !name.isEmpty() && names.add(name) && names.size() > MAX_NAMES) {
            throw fatal("The feed uses more than " + MAX_NAMES + " distinct element, attribute and namespace names");
        }
    }

    private FeedFormatException fatal(String message) {
        return new FeedFormatException(XML_FATAL, "XML parsing error" + where() + ": " + message);
    }

    private FeedFormatException schema(String message) {
        return new FeedFormatException(XML_SCHEMA, message + where());
    }

    private String where() {
        Location location = xml == null ? null : xml.getLocation();
        return location == null || location.getLineNumber() < 0 ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
            if (cause instanceof XMLStreamException stream && stream.getNestedException() instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "the document is not well-formed XML" : e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the location is reported separately.
        int cut = message.indexOf("Message: ");
        return (cut >= 0 ? message.substring(cut + "Message: ".length()) : message).strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
