package io.openmws.protocol.throttle;

import io.openmws.protocol.ApiSection;
import java.util.Objects;

/**
 * The key of one throttle bucket within a section: the operations of a group draw from the same
 * bucket (and hourly quota). A group is named after its parent operation, so {@code ListOrders}
 * and {@code ListOrdersByNextToken} are both in group {@code Orders/ListOrders}; most groups have a
 * single operation.
 *
 * @param section the API section
 * @param name the group's name, the parent operation's action name
 */
public record ThrottleGroup(ApiSection section, String name) {

    /** Checks that neither component is missing. */
    public ThrottleGroup {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(name, "name");
    }

    /** {@code Section/name}, e.g. {@code Orders/ListOrders}. */
    @Override
    public String toString() {
        return section.sectionName() + "/" + name;
    }
}
