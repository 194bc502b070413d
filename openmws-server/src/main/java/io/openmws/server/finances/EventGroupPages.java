package io.openmws.server.finances;

import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.gateway.MwsCall;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The pages of ListFinancialEventGroups and its ByNextToken (mws-data-apis.md §5.1): groups that
 * started in the range or were still Open at its start, by start then id, keyset-paged.
 */
@Component
class EventGroupPages {

    private static final String LIST = "groups";

    /** One page's request: the range, its size, and where it starts (null: at the first). */
    record Page(Instant after, Instant before, int maxResults, FinancialEventGroupRepository.After from) {}

    private final FinancesApi api;
    private final FinancialEventGroupRepository groups;

    EventGroupPages(FinancesApi api, FinancialEventGroupRepository groups) {
        this.api = api;
        this.groups = groups;
    }

    /** The first page a ListFinancialEventGroups call asks for, checked by every rule of §5.1. */
    static Page first(MwsCall call) {
        int max = FinancesApi.maxResults(call);
        call.required("FinancialEventGroupStartedAfter");
        Instant after = FinancesApi.date(call, "FinancialEventGroupStartedAfter");
        Instant before = FinancesApi.before(call, "FinancialEventGroupStartedBefore", after,
                "FinancialEventGroupStartedAfter");
        return new Page(after, before, max, null);
    }

    /** The page a NextToken stands for. */
    Page next(MwsCall call) {
        List<String> f = api.open(call, LIST, FinancesApi.nextToken(call), 5);
        try {
            return new Page(Instant.parse(f.get(0)), Instant.parse(f.get(1)), Integer.parseInt(f.get(2)),
                    new FinancialEventGroupRepository.After(Instant.parse(f.get(3)), Long.parseLong(f.get(4))));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw FinancesApi.corrupted();
        }
    }

    /** Writes the page: {@code NextToken} when more follows, then {@code FinancialEventGroupList}. */
    void write(MwsCall call, MwsXmlWriter xml, Page page) throws IOException {
        long accountId = api.accountId(call);
        List<EventGroup> fetched = groups.page(accountId, page.after(), page.before(), FinancesApi.oldest(call),
                page.from(), page.maxResults() + 1);
        boolean more = fetched.size() > page.maxResults();
        List<EventGroup> shown = more ? fetched.subList(0, page.maxResults()) : fetched;
        if (more) {
            EventGroup last = shown.get(shown.size() - 1);
            xml.element("NextToken", api.seal(call, LIST, List.of(page.after().toString(), page.before().toString(),
                    Integer.toString(page.maxResults()), last.start().toString(), Long.toString(last.id()))));
        }
        xml.start("FinancialEventGroupList");
        for (EventGroup g : shown) {
            writeGroup(xml, g);
        }
        xml.end();
    }

    /** One {@code FinancialEventGroup}, in the documented element order; transfer fields once Closed. */
    static void writeGroup(MwsXmlWriter xml, EventGroup g) throws IOException {
        xml.start("FinancialEventGroup")
                .element("FinancialEventGroupId", g.groupId())
                .element("ProcessingStatus", g.status());
        if (!g.open()) {
            xml.element("FundTransferStatus", g.fundTransferStatus());
        }
        FinancesApi.money(xml, "OriginalTotal", g.currency(), g.originalTotal());
        if (!g.open()) {
            FinancesApi.money(xml, "ConvertedTotal", g.currency(), g.originalTotal());
            xml.element("FundTransferDate", g.fundTransferDate())
                    .element("TraceId", g.traceId())
                    .element("AccountTail", g.accountTail());
        }
        FinancesApi.money(xml, "BeginningBalance", g.currency(), g.beginningBalance());
        xml.element("FinancialEventGroupStart", g.start());
        if (!g.open()) {
            xml.element("FinancialEventGroupEnd", g.end());
        }
        xml.end();
    }
}
