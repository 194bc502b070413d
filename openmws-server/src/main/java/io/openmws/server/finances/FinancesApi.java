package io.openmws.server.finances;

import io.openmws.protocol.Text;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.gateway.MwsCall;
import io.openmws.server.gateway.MwsException;
import io.openmws.server.support.SecretSealer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the four Finances operations share (mws-data-apis.md §5, docs/finances.md): the calling
 * seller's account, the date and page-size rules, the {@code Currency} type, and NextTokens. A
 * NextToken is the page's position and filters sealed with the platform's AEAD key, bound to the
 * seller, the developer and the list it continues: it cannot be read, altered, or used by anyone
 * else ({@code NextTokenCorrupted}).
 */
@Component
class FinancesApi {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 100;
    /** Dates a request names must lie at least this far before the request. */
    static final Duration SETTLE = Duration.ofMinutes(2);
    /** Events and closed groups older than this are not returned. */
    static final int RETENTION_MONTHS = 18;

    private final SellerAccounts accounts;
    private final SecretSealer sealer;

    FinancesApi(SellerAccounts accounts, SecretSealer sealer) {
        this.accounts = accounts;
        this.sealer = sealer;
    }

    /** The internal id of the calling seller's account; {@code AccessDenied} unless it is active. */
    long accountId(MwsCall call) {
        return accounts.bySellerId(call.sellerId()).filter(SellerAccount::active).map(SellerAccount::id)
                .orElseThrow(() -> new MwsException(MwsError.accessDenied()));
    }

    /** {@code MaxResultsPerPage}: 1 to 100, 100 when absent. */
    static int maxResults(MwsCall call) {
        String value = call.parameter("MaxResultsPerPage").orElse("");
        if (value.isEmpty()) {
            return DEFAULT_PAGE;
        }
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_PAGE) {
            throw MwsException.invalidParameter("MaxResultsPerPage must be a whole number from 1 to " + MAX_PAGE
                    + "; got " + abbreviate(value) + ".");
        }
        return Integer.parseInt(value);
    }

    /** The latest date a request may name: two minutes before it arrived. */
    static Instant latest(MwsCall call) {
        return call.receivedAt().minus(SETTLE);
    }

    /** The oldest date anything is returned from: 18 months before the request. */
    static Instant oldest(MwsCall call) {
        return call.receivedAt().atOffset(ZoneOffset.UTC).minusMonths(RETENTION_MONTHS).toInstant();
    }

    /** A date parameter, or null when absent; {@code InvalidParameterValue} when not ISO 8601 or too recent. */
    static Instant date(MwsCall call, String name) {
        String value = call.parameter(name).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        Instant date;
        try {
            date = Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw MwsException.invalidParameter("Invalid " + name + ": " + abbreviate(value)
                    + ". Use ISO 8601, e.g. 2020-06-25T12:32:14Z.");
        }
        if (date.isAfter(latest(call))) {
            throw MwsException.invalidParameter(name + " must be no later than two minutes before the time of the"
                    + " request (" + Timestamps.format(latest(call)) + "); got " + abbreviate(value) + ".");
        }
        return date;
    }

    /** The end of a date range: the named date if given (after {@code after}), else two minutes before now. */
    static Instant before(MwsCall call, String name, Instant after, String afterName) {
        Instant before = date(call, name);
        if (before == null) {
            return latest(call);
        }
        if (!before.isAfter(after)) {
            throw MwsException.invalidParameter(name + " must be later than " + afterName + ".");
        }
        return before;
    }

    /** Writes an amount as the Finances {@code Currency} type: {@code CurrencyCode} and {@code CurrencyAmount}. */
    static void money(MwsXmlWriter xml, String name, String currency, BigDecimal amount) throws IOException {
        xml.start(name).element("CurrencyCode", currency)
                .element("CurrencyAmount", FeeTable.money(currency, amount)).end();
    }

    /** Seals a page's state into a NextToken for this caller and this list. */
    String seal(MwsCall call, String list, List<String> fields) {
        byte[] sealed = sealer.seal(String.join("\n", fields), context(call, list));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The fields a NextToken holds; {@code NextTokenCorrupted} unless this server issued it to this caller for this list. */
    List<String> open(MwsCall call, String list, String token, int fields) {
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token.strip());
            List<String> values = List.of(sealer.open(sealed, context(call, list)).split("\n", -1));
            if (values.size() != fields) {
                throw corrupted();
            }
            return values;
        } catch (IllegalArgumentException | SecretSealer.SealBroken e) {
            throw corrupted();
        }
    }

    /** The {@code NextToken} parameter of a {@code ...ByNextToken} call; the live ValidationError when absent. */
    static String nextToken(MwsCall call) {
        return call.parameter("NextToken").filter(t -> !t.isBlank())
                .orElseThrow(() -> new MwsException(MwsError.missingNextToken()));
    }

    private static String context(MwsCall call, String list) {
        return "finances/next-token/" + list + "/" + call.sellerId() + "/" + call.developerId();
    }

    static MwsException corrupted() {
        return MwsException.of(MwsErrorCode.NEXT_TOKEN_CORRUPTED, MwsErrorCode.NEXT_TOKEN_CORRUPTED.defaultMessage());
    }

    static String abbreviate(String value) {
        return Text.abbreviate(value, 103);
    }
}
