package io.openmws.server.gateway;

import io.openmws.server.support.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the call log tells a seller about a developer it authorized, and a developer about its calls:
 * counts by operation and day over the last {@link #WINDOW}, the latest calls, and how many came
 * without a User-Agent. Every query names the developer, and the seller where a seller asks.
 */
@Service
public class CallHistory {

    public static final Duration WINDOW = Duration.ofDays(30);

    /** Calls of one operation on one day (UTC). */
    public record DailyCount(LocalDate day, String section, String action, long calls, long errors) {}

    /** One recorded call. */
    public record Call(Instant calledAt, String sellerId, String section, String action, int httpStatus,
                       String errorCode, String userAgent, long latencyMicros) {}

    /** The share of calls that came without a User-Agent header. */
    public record UserAgentShare(long calls, long withoutUserAgent) {
        public int percentWithout() {
            return calls == 0 ? 0 : (int) Math.round(100.0 * withoutUserAgent / calls);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CallHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A developer's calls for all its sellers, by day and operation, newest day first. */
    public List<DailyCount> dailyCounts(String developerId) {
        return daily("developer_id = :developer", developerId, null);
    }

    /** A developer's calls for one seller, by day and operation, newest day first. */
    public List<DailyCount> dailyCounts(String developerId, String sellerId) {
        return daily("developer_id = :developer AND seller_id = :seller", developerId, sellerId);
    }

    /** A developer's latest calls, across its sellers. */
    public List<Call> latest(String developerId, int limit) {
        return latest("developer_id = :developer", developerId, null, limit);
    }

    /** A developer's latest calls for one seller. */
    public List<Call> latest(String developerId, String sellerId, int limit) {
        return latest("developer_id = :developer AND seller_id = :seller", developerId, sellerId, limit);
    }

    /** How many of a developer's calls in the window came without a User-Agent. */
    public UserAgentShare userAgentShare(String developerId) {
        return jdbc.sql("""
                        SELECT count(*) AS calls, count(*) - count(user_agent) AS without_agent FROM mws_call
                        WHERE developer_id = :developer AND called_at > :since""")
                .param("developer", developerId)
                .param("since", SqlTime.of(clock.instant().minus(WINDOW)))
                .query((rs, n) -> new UserAgentShare(rs.getLong("calls"), rs.getLong("without_agent")))
                .single();
    }

    private List<DailyCount> daily(String where, String developerId, String sellerId) {
        var spec = jdbc.sql("""
                        SELECT CAST(called_at AS DATE) AS call_day, section, action, count(*) AS calls,
                               sum(CASE WHEN http_status >= 400 THEN 1 ELSE 0 END) AS errors
                        FROM mws_call WHERE %s AND called_at > :since
                        GROUP BY CAST(called_at AS DATE), section, action
                        ORDER BY call_day DESC, section, action""".formatted(where))
                .param("developer", developerId)
                .param("since", SqlTime.of(clock.instant().minus(WINDOW)));
        if (sellerId != null) {
            spec = spec.param("seller", sellerId);
        }
        return spec.query((rs, n) -> new DailyCount(rs.getObject("call_day", LocalDate.class), rs.getString("section"),
                        rs.getString("action"), rs.getLong("calls"), rs.getLong("errors")))
                .list();
    }

    private List<Call> latest(String where, String developerId, String sellerId, int limit) {
        var spec = jdbc.sql("""
                        SELECT called_at, seller_id, section, action, http_status, error_code, user_agent, latency_micros
                        FROM mws_call WHERE %s ORDER BY called_at DESC, id DESC LIMIT :limit""".formatted(where))
                .param("developer", developerId)
                .param("limit", limit);
        if (sellerId != null) {
            spec = spec.param("seller", sellerId);
        }
        return spec.query((rs, n) -> new Call(SqlTime.read(rs, "called_at"), rs.getString("seller_id"),
                        rs.getString("section"), rs.getString("action"), rs.getInt("http_status"),
                        rs.getString("error_code"), rs.getString("user_agent"), rs.getLong("latency_micros")))
                .list();
    }
}
