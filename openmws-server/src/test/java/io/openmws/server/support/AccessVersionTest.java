package io.openmws.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.server.testing.OnBothDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access version over a real, migrated database: two instances stand for two server nodes
 * sharing it, and a second connection for the other node reading while a change commits.
 */
@SpringBootTest
@OnBothDatabases
class AccessVersionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private long stored() {
        return jdbc.sql("SELECT version FROM access_version WHERE id = 1").query(Long.class).single();
    }

    @Test
    void aChangeOutsideATransactionMovesTheVersionAtOnce() {
        AccessVersion node = new AccessVersion(jdbc);
        long before = node.current();

        node.moved();

        assertThat(stored()).isEqualTo(before + 1);
        assertThat(node.current()).isEqualTo(before + 1);
    }

    @Test
    void aTransactionMovesItOnceAsItCommitsAndARolledBackOneNotAtAll() {
        AccessVersion node = new AccessVersion(jdbc);
        AccessVersion other = new AccessVersion(jdbc);
        long before = stored();
        long[] seenByOtherMeanwhile = new long[1];
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        transaction.executeWithoutResult(status -> {
            node.moved();
            node.moved();
            node.moved();
            // Another node reads before the commit (on a connection of its own): the change is not yet there.
            seenByOtherMeanwhile[0] = new TransactionTemplate(transactionManager,
                    new RequiresNew()).execute(s -> other.current());
        });
        long afterCommit = stored();
        transaction.executeWithoutResult(status -> {
            node.moved();
            status.setRollbackOnly();
        });

        assertThat(seenByOtherMeanwhile[0]).isEqualTo(before);
        assertThat(afterCommit).as("three changes, one transaction").isEqualTo(before + 1);
        assertThat(stored()).as("rolled back").isEqualTo(before + 1);
    }

    @Test
    void anInnerTransactionOfItsOwnMovesItWhenItCommits() {
        AccessVersion node = new AccessVersion(jdbc);
        long before = stored();
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate inner = new TransactionTemplate(transactionManager, new RequiresNew());

        outer.executeWithoutResult(status -> {
            node.moved();
            inner.executeWithoutResult(s -> node.moved());
            status.setRollbackOnly();   // the outer change is undone; the inner one committed on its own
        });

        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aCacheKeepsAValueUntilTheVersionMovesOnAnyNode() {
        AccessVersion nodeA = new AccessVersion(jdbc);
        AccessVersion nodeB = new AccessVersion(jdbc);
        AtomicInteger loads = new AtomicInteger();
        List<String> database = new ArrayList<>(List.of("active"));
        AccessVersion.Cache<String, String> keys = nodeB.cache(10, key -> {
            loads.incrementAndGet();
            return database.get(0);
        });

        assertThat(keys.get("AKIA1")).isEqualTo("active");
        assertThat(keys.get("AKIA1")).isEqualTo("active");
        assertThat(loads).as("read once while nothing moved").hasValue(1);

        database.set(0, "deactivated");
        nodeA.moved();

        assertThat(keys.get("AKIA1")).isEqualTo("deactivated");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aTransactionThatChangedWhoMayCallReadsPastTheCache() {
        AccessVersion node = new AccessVersion(jdbc);
        List<String> database = new ArrayList<>(List.of("active"));
        AccessVersion.Cache<String, String> keys = node.cache(10, key -> database.get(0));
        assertThat(keys.get("AKIA1")).isEqualTo("active");
        String[] seenInside = new String[1];

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            database.set(0, "deactivated");
            node.moved();   // the version moves only as this commits
            seenInside[0] = keys.get("AKIA1");
        });

        assertThat(seenInside[0]).isEqualTo("deactivated");
    }

    @Test
    void aRequestReadsTheVersionAgainUnlessAReadingBeganAfterItArrived() throws Exception {
        AccessVersion nodeA = new AccessVersion(jdbc);
        AccessVersion nodeB = new AccessVersion(jdbc);
        AtomicInteger loads = new AtomicInteger();
        AccessVersion.Cache<String, Integer> grants = nodeB.cache(10, token -> loads.incrementAndGet());
        long[] seen = new long[3];

        new RequestStart.Filter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (rq, rs) -> {
            grants.get("token");
            seen[0] = nodeB.current();
            nodeA.moved();   // after this request's reading: this request may keep what it read
            seen[1] = nodeB.current();
        });
        new RequestStart.Filter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (rq, rs) -> {
            seen[2] = nodeB.current();   // arrived after the move: reads again
            grants.get("token");
        });

        assertThat(seen[1]).isEqualTo(seen[0]);
        assertThat(seen[2]).isEqualTo(seen[0] + 1);
        assertThat(loads).as("loaded by the first request, again by the second").hasValue(2);
    }

    @Test
    void aCacheStaysWithinItsBound() {
        AccessVersion node = new AccessVersion(jdbc);
        AccessVersion.Cache<Integer, Integer> unknownKeys = node.cache(100, key -> key);

        for (int i = 0; i < 10_000; i++) {
            assertThat(unknownKeys.get(i)).isEqualTo(i);
        }

        assertThat(unknownKeys.size()).isLessThanOrEqualTo(100);
    }

    private static final class RequiresNew extends org.springframework.transaction.support.DefaultTransactionDefinition {
        RequiresNew() {
            super(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }
}
