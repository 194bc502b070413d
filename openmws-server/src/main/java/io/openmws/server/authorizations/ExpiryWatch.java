package io.openmws.server.authorizations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.openmws.server.support.PortalLinks;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background work of authorizations, every {@link #INTERVAL} of platform time on one node at a
 * time (db-scheduler): mark authorizations past their expiry as expired, then mail the weekly
 * reminders of the last 30 days. The API does not wait for this: it treats an authorization past its
 * expiry as expired at once.
 */
@Configuration(proxyBeanMethods = false)
class ExpiryWatch {

    static final String TASK = "authorization-expiry-watch";
    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ExpiryWatch.class);

    @Bean
    RecurringTask<Void> authorizationExpiryWatch(AuthorizationReminders reminders, PortalLinks links) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(INTERVAL))
                .execute((instance, context) -> run(reminders, links.base()));
    }

    static void run(AuthorizationReminders reminders, URI linkBase) {
        int expired = 0;
        int marked;
        do {
            marked = reminders.markExpired(BATCH);
            expired += marked;
        } while (marked == BATCH);
        int told = 0;
        for (long ref : reminders.expiredUntold()) {
            try {
                if (reminders.tellExpired(ref, linkBase)) {
                    told++;
                }
            } catch (RuntimeException e) {
                // As below: the notice row was rolled back with the failed mail, so the next run retries.
                log.warn("Could not tell the seller and developer that authorization {} expired", ref, e);
            }
        }
        int reminded = 0;
        for (long ref : reminders.inRenewalWindow()) {
            try {
                if (reminders.remind(ref, linkBase)) {
                    reminded++;
                }
            } catch (RuntimeException e) {
                // One failing mail must not hold back the others; its reminder row was rolled back, so
                // the next run tries it again.
                log.warn("Could not send the expiry reminder of authorization {}", ref, e);
            }
            try {
                reminders.warnDeveloper(ref);
            } catch (RuntimeException e) {
                log.warn("Could not warn the developer of authorization {} that it expires soon", ref, e);
            }
        }
        if (expired > 0 || reminded > 0 || told > 0) {
            log.info("Authorization expiry watch: {} expired, {} told of an expiry, {} reminders sent", expired, told,
                    reminded);
        }
    }
}
