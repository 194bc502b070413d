package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.support.PlatformClock;
import java.io.IOException;

/** {@code GetServiceStatus}, present in every section at that section's path and version (docs/protocol.md §8). */
final class GetServiceStatus implements MwsOperation {

    private final ApiSection section;
    private final ServiceStatusBoard board;
    private final PlatformClock clock;

    GetServiceStatus(ApiSection section, ServiceStatusBoard board, PlatformClock clock) {
        this.section = section;
        this.board = board;
        this.clock = clock;
    }

    @Override
    public ApiSection section() {
        return section;
    }

    @Override
    public String action() {
        return "GetServiceStatus";
    }

    @Override
    public boolean needsSeller() {
        return false;
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        ServiceStatusBoard.SectionStatus status = board.get(section);
        result.element("Status", status.status().name());
        // Real MWS stamps the evaluation with its own time, the same as x-mws-timestamp.
        result.element("Timestamp", clock.realTime().instant());
        if (status.messageId() != null) {
            result.element("MessageId", status.messageId());
        }
        if (!status.messages().isEmpty()) {
            result.start("Messages");
            for (String text : status.messages()) {
                result.start("Message").element("Locale", "en_US").element("Text", text).end();
            }
            result.end();
        }
    }
}
