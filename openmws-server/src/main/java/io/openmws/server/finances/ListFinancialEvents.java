package io.openmws.server.finances;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Finances API: the seller's financial events of one order, one group, or a posted-date range (mws-data-apis.md §5.2). */
@Component
class ListFinancialEvents implements MwsOperation {

    private final EventPages pages;

    ListFinancialEvents(EventPages pages) {
        this.pages = pages;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FINANCES;
    }

    @Override
    public String action() {
        return "ListFinancialEvents";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        pages.write(call, result, EventPages.first(call));
    }
}
