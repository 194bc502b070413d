package io.openmws.cli.call;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.openmws.protocol.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns an MWS answer into JSON the way people expect from such tools: the root element is the one member of
 * the top object, an element with only text is a string, an element with children is an object, two or more
 * children of one name are an array (one is a plain member, so a page of one {@code Order} has no array: a
 * program reading it accepts both), attributes are {@code "@name"} members, and text beside children or
 * attributes is {@code "#text"}. Namespaces are left out. DTDs and external entities are refused
 * ({@link SafeXml}).
 *
 * <p>The answer is read into a tree first, so callers bound its size; MWS answers are pages of at most a few
 * hundred entries.
 */
final class XmlToJson {

    private static final JsonFactory JSON = new JsonFactory();

    private XmlToJson() {
    }

    /** An element as read: attributes, text, children in document order. */
    private static final class Node {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }
    }

    /**
     * Converts a document.
     *
     * @param xml the answer
     * @param out where the JSON goes (left open)
     * @throws IOException when the answer is not well-formed XML (the message says where)
     */
    static void convert(InputStream xml, OutputStream out) throws IOException {
        Node root = read(xml);
        try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeFieldName(root.name);
            write(root, json);
            json.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static Node read(InputStream xml) throws IOException {
        try {
            XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(xml);
            List<Node> open = new ArrayList<>();
            Node root = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    Node node = new Node(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        if (r.getAttributePrefix(i) == null || !r.getAttributePrefix(i).equals("xmlns")) {
                            node.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    }
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.get(open.size() - 1).children.add(node);
                    }
                    open.add(node);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.remove(open.size() - 1);
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !open.isEmpty()) {
                    open.get(open.size() - 1).text.append(r.getText());
                }
            }
            if (root == null) {
                throw new IOException("The answer has no XML element");
            }
            return root;
        } catch (XMLStreamException e) {
            throw new IOException("The answer is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void write(Node node, JsonGenerator json) throws IOException {
        String text = node.text.toString().strip();
        if (node.children.isEmpty() && node.attributes.isEmpty()) {
            json.writeString(text);
            return;
        }
        json.writeStartObject();
        for (Map.Entry<String, String> a : node.attributes.entrySet()) {
            json.writeStringField("@" + a.getKey(), a.getValue());
        }
        if (!text.isEmpty()) {
            json.writeStringField("#text", text);
        }
        Map<String, List<Node>> byName = new LinkedHashMap<>();
        for (Node child : node.children) {
            byName.computeIfAbsent(child.name, k -> new ArrayList<>()).add(child);
        }
        for (Map.Entry<String, List<Node>> group : byName.entrySet()) {
            json.writeFieldName(group.getKey());
            if (group.getValue().size() == 1) {
                write(group.getValue().get(0), json);
            } else {
                json.writeStartArray();
                for (Node child : group.getValue()) {
                    write(child, json);
                }
                json.writeEndArray();
            }
        }
        json.writeEndObject();
    }
}
