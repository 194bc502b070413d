package io.openmws.server.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same way on H2 and
 * PostgreSQL (whose driver does not bind {@link Instant} directly).
 */
public final class SqlTime {

    private SqlTime() {}

    /** The value to bind for {@code instant}; {@code null} stays {@code null}. */
    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a column as an instant; SQL {@code NULL} gives {@code null}. */
    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
