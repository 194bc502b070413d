package io.openmws.protocol.throttle;

import io.openmws.protocol.ApiSection;
import java.util.Objects;

/**
 * One row of the throttle table: an operation, the bucket it draws from and that bucket's spec.
 *
 * @param section the API section
 * @param action the operation's {@code Action} name, e.g. {@code ListOrdersByNextToken}
 * @param group the bucket the operation draws from
 * @param spec the bucket's limits (the same for every operation of the group)
 */
public record OperationThrottle(ApiSection section, String action, ThrottleGroup group, ThrottleSpec spec) {

    /** Checks that no component is missing and that the group is in the operation's section. */
    public OperationThrottle {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(spec, "spec");
        if (group.section() != section) {
            throw new IllegalArgumentException("group " + group + " is not in section " + section.sectionName());
        }
    }

    /** Whether the operation shares its bucket with another operation (its group is named after another action). */
    public boolean sharesBucket() {
        return !group.name().equals(action);
    }
}
