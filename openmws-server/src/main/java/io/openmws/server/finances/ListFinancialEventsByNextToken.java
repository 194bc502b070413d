package io.openmws.server.finances;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsOperation;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Finances API: the next page of a {@code ListFinancialEvents}, with the same filter and size. */
@Component
class ListFinancialEventsByNextToken implements MwsOperation {

    private final EventPages pages;

    ListFinancialEventsByNextToken(EventPages pages) {
        this.pages = pages;
    }

    @Override
    public ApiSection section() {
        return ApiSection.FINANCES;
    }

    @Override
    public String action() {
        return "ListFinancialEventsByNextToken";
    }

    @Override
    public void writeResult(MwsCall call, MwsXmlWriter result) throws IOException {
        pages.write(call, result, pages.next(call));
    }
}
