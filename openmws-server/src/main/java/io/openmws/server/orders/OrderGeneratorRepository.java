package io.openmws.server.orders;

import io.openmws.server.support.SqlTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the sellers' order generators: one row per seller, {@code skus} joined by newlines. */
@Repository
class OrderGeneratorRepository {

    private final JdbcClient jdbc;

    OrderGeneratorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GeneratorSettings> find(long accountId) {
        return jdbc.sql("SELECT per_hour, marketplace_id, skus, next_at FROM order_generator WHERE account_id = :a")
                .param("a", accountId)
                .query((rs, n) -> {
                    int perHour = rs.getInt("per_hour");
                    String skus = rs.getString("skus");
                    return new GeneratorSettings(perHour, rs.getString("marketplace_id"),
                            skus == null || skus.isEmpty() ? List.of() : Arrays.asList(skus.split("\n")),
                            perHour == 0 ? null : SqlTime.read(rs, "next_at"));
                })
                .optional();
    }

    /** Sets the seller's generator, creating its row the first time. */
    void save(long accountId, int perHour, String marketplaceId, List<String> skus, Instant nextAt, Instant now) {
        String joined = skus.isEmpty() ? null : String.join("\n", skus);
        int updated = jdbc.sql("""
                        UPDATE order_generator SET per_hour = :perHour, marketplace_id = :marketplace, skus = :skus,
                               next_at = :next, updated_at = :now WHERE account_id = :a""")
                .param("perHour", perHour).param("marketplace", marketplaceId).param("skus", joined)
                .param("next", SqlTime.of(nextAt)).param("now", SqlTime.of(now)).param("a", accountId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO order_generator (account_id, per_hour, marketplace_id, skus, next_at, updated_at)
                            VALUES (:a, :perHour, :marketplace, :skus, :next, :now)""")
                    .param("perHour", perHour).param("marketplace", marketplaceId).param("skus", joined)
                    .param("next", SqlTime.of(nextAt)).param("now", SqlTime.of(now)).param("a", accountId)
                    .update();
        }
    }

    /** Up to {@code limit} sellers whose next order is due, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT account_id FROM order_generator WHERE per_hour > 0 AND next_at <= :now
                         ORDER BY next_at, account_id FETCH FIRST %d ROWS ONLY""".formatted(limit))
                .param("now", SqlTime.of(now))
                .query(Long.class).list();
    }

    /**
     * Moves the seller's next order to {@code next}, unless the settings changed since {@code seen}
     * was read (the operator's change wins); returns whether it moved.
     */
    boolean advance(long accountId, Instant seen, Instant next) {
        return jdbc.sql("UPDATE order_generator SET next_at = :next WHERE account_id = :a AND next_at = :seen"
                        + " AND per_hour > 0")
                .param("next", SqlTime.of(next)).param("a", accountId).param("seen", SqlTime.of(seen))
                .update() > 0;
    }
}
