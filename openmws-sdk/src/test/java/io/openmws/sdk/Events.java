package io.openmws.sdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what a client's listener hears. */
final class Events implements MwsCallListener {

    private final List<MwsCallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onAttempt(MwsCallEvent event) {
        events.add(event);
    }

    List<MwsCallEvent> all() {
        return List.copyOf(events);
    }

    List<Integer> statuses() {
        return events.stream().map(MwsCallEvent::httpStatus).toList();
    }

    void clear() {
        events.clear();
    }
}
