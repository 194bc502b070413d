package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.server.support.PlatformClock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link MwsOperation} bean, by section and action, plus {@code GetServiceStatus} in every section;
 * built once at start-up.
 */
@Component
class MwsOperations {

    private record Key(ApiSection section, String action) {}

    private final Map<Key, MwsOperation> operations = new HashMap<>();

    MwsOperations(ObjectProvider<MwsOperation> beans, ServiceStatusBoard board, PlatformClock clock) {
        for (MwsOperation op : (Iterable<MwsOperation>) beans.orderedStream()::iterator) {
            MwsOperation previous = operations.put(new Key(op.section(), op.action()), op);
            if (previous != null) {
                throw new IllegalStateException("Two operations claim " + op.section().sectionName() + "/" + op.action()
                        + ": " + previous.getClass().getName() + " and " + op.getClass().getName());
            }
        }
        for (ApiSection section : ApiSection.values()) {
            operations.putIfAbsent(new Key(section, "GetServiceStatus"), new GetServiceStatus(section, board, clock));
        }
    }

    /**
     * Every operation served, {@code GetServiceStatus} of each section included, by section then action:
     * for tests that must cover each one, so that an operation added later is covered or fails them.
     */
    List<MwsOperation> all() {
        return operations.values().stream()
                .sorted(Comparator.comparing((MwsOperation op) -> op.section()).thenComparing(MwsOperation::action))
                .toList();
    }

    /** The operation for {@code action} among the sections served at a path (Feeds and Reports share {@code /}). */
    Optional<MwsOperation> find(List<ApiSection> sections, String action) {
        for (ApiSection section : sections) {
            MwsOperation op = operations.get(new Key(section, action));
            if (op != null) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
