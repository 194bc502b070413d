package io.openmws.server.finances;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Finances API: the seller's financial event groups (settlement periods) in a date range (mws-data-apis.md §5.1). */
@Component
class ListFinancialEventGroups implements MwsOperation {

    private final EventGroupPages pages;

    ListFinancialEventGroups(EventGroupPages pages) {
        this.pages = pages;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FINANCES;
    }

    @Override
    public String action() {
        return "ListFinancialEventGroups";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        pages.write(call, result, EventGroupPages.first(call));
    }
}
