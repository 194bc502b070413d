package io.openmws.sdk.internal;

import io.openmws.protocol.Text;
import io.openmws.protocol.time.Timestamps;
import io.openmws.sdk.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of an answer read whole, with its children: how the Orders and Finances readers take an
 * {@code Order} or a {@code ShipmentEvent} (a few kilobytes each) out of the stream, so that its children can
 * be looked up by name in any order. Names are local names: any namespace is accepted.
 *
 * @param name the local name
 * @param text the element's own text, stripped (empty for a container)
 * @param children the child elements in document order
 */
public record XmlElement(String name, String text, List<XmlElement> children) {

    /** Copies the children. */
    public XmlElement {
        children = List.copyOf(children);
    }

    /**
     * Reads the element the reader stands on (its start tag) and everything inside it; leaves the reader on
     * its end tag.
     */
    public static XmlElement read(XMLStreamReader r) throws XMLStreamException {
        String name = r.getLocalName();
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(read(r));
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, text.toString().strip(), children);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(r.getText());
                default -> {
                    // comments and processing instructions carry no content
                }
            }
        }
    }

    /** The first child of that name. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every child of that name. */
    public List<XmlElement> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The items of a list element: {@code list("PromotionIds", "PromotionId")}; empty when the list is absent. */
    public List<XmlElement> list(String listName, String itemName) {
        return child(listName).map(l -> l.all(itemName)).orElse(List.of());
    }

    /** The text of the first child of that name; empty when it is absent or blank. */
    public Optional<String> text(String childName) {
        return child(childName).map(XmlElement::text).filter(t -> !t.isEmpty());
    }

    /** The text of a child that must be there. */
    public String required(String childName) throws IOException {
        return text(childName).orElseThrow(() -> new IOException("a <" + name + "> has no <" + childName + ">"));
    }

    /** A child's date-time. */
    public Optional<Instant> instant(String childName) throws IOException {
        Optional<String> t = text(childName);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Timestamps.parse(t.get()));
        } catch (DateTimeParseException e) {
            throw new IOException("<" + childName + "> of a <" + name + "> is not a date-time: " + e.getMessage());
        }
    }

    /** A child's whole number. */
    public OptionalInt integer(String childName) throws IOException {
        Optional<String> t = text(childName);
        if (t.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(t.get()));
        } catch (NumberFormatException e) {
            throw new IOException("<" + childName + "> of a <" + name + "> is '" + Text.abbreviate(t.get(), 20)
                    + "', not a whole number");
        }
    }

    /** A child's {@code true}/{@code false}; {@code false} when absent. */
    public boolean flag(String childName) throws IOException {
        Optional<String> t = text(childName);
        if (t.isEmpty() || "false".equalsIgnoreCase(t.get())) {
            return false;
        }
        if ("true".equalsIgnoreCase(t.get())) {
            return true;
        }
        throw new IOException("<" + childName + "> of a <" + name + "> is '" + Text.abbreviate(t.get(), 20)
                + "', not true or false");
    }

    /**
     * A child holding an amount: {@code CurrencyCode} with {@code Amount} (Orders) or {@code CurrencyAmount}
     * (Finances).
     */
    public Optional<Money> money(String childName) throws IOException {
        Optional<XmlElement> m = child(childName);
        return m.isEmpty() || m.get().children.isEmpty() ? Optional.empty() : Optional.of(m.get().asMoney());
    }

    /** This element as an amount. */
    public Money asMoney() throws IOException {
        String currency = text("CurrencyCode").orElse("");
        Optional<String> amount = text("CurrencyAmount").or(() -> text("Amount"));
        if (amount.isEmpty()) {
            throw new IOException("<" + name + "> has no <CurrencyAmount> or <Amount>");
        }
        try {
            return new Money(currency, new BigDecimal(amount.get()));
        } catch (NumberFormatException e) {
            throw new IOException("the amount of <" + name + "> is '" + Text.abbreviate(amount.get(), 30)
                    + "', not a decimal number");
        }
    }
}
