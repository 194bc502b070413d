package io.openmws.server.feeds;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message of a feed as a {@link FeedReader} read it, before any rule of its feed type is applied.
 *
 * <p>XML feeds: {@code messageId} is the {@code MessageID}; {@code operationType} the message's
 * {@code OperationType} ({@code Update} when absent); {@code fields} the payload's leaf elements by
 * their dotted path below the payload element (for a Product: {@code SKU},
 * {@code StandardProductID.Type}, {@code DescriptionData.Title}, {@code DescriptionData.BulletPoint},
 * {@code Condition.ConditionType}, ...), a repeated element giving several values in document order;
 * an element's attribute is the path plus {@code @name} ({@code StandardPrice@currency}). Below a
 * repeated group (an element directly inside the payload, such as OrderFulfillment's {@code Item}) the
 * values are aligned: the n-th {@code Item.Quantity} is the n-th Item's, blank where it has none.
 *
 * <p>Flat files: {@code messageId} is the 1-based data row; {@code operationType} is empty (the
 * {@code add-delete} column, where a type has one, is a field like any other); {@code fields} are the
 * header's columns, each with one value, blank cells left out.
 *
 * @param problems what the reader found wrong with this message alone (a value too long, an element
 *                 that does not belong); the message is still returned so it can be reported
 */
public record FeedRecord(long messageId, String operationType, Map<String, List<String>> fields,
                         List<String> problems) {

    /** The first value of a field, if present and not blank. */
    public Optional<String> first(String field) {
        List<String> values = fields.get(field);
        return values == null ? Optional.empty() : values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    /** Every value of a field, in order; empty when absent. */
    public List<String> all(String field) {
        return fields.getOrDefault(field, List.of());
    }
}
