package io.openmws.server.finances;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Finances API: the next page of a {@code ListFinancialEventGroups}, with the same range and size. */
@Component
class ListFinancialEventGroupsByNextToken implements MwsOperation {

    private final EventGroupPages pages;

    ListFinancialEventGroupsByNextToken(EventGroupPages pages) {
        this.pages = pages;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FINANCES;
    }

    @Override
    public String action() {
        return "ListFinancialEventGroupsByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        pages.write(call, result, pages.next(call));
    }
}
