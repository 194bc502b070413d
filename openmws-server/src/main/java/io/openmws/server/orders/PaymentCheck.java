package io.openmws.server.orders;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment check of §4.5, every {@link #INTERVAL} of platform time on one node at a time
 * (db-scheduler): Pending orders whose {@link Orders#PAYMENT_CHECK} has passed become Unshipped, in
 * batches of {@link #BATCH}, each with its last update at the moment it fell due (not when this run
 * happened to see it). A moved sandbox clock makes the task due at once, so the next poll catches up.
 */
@Configuration(proxyBeanMethods = false)
class PaymentCheck {

    static final String TASK = "order-payment-check";
    static final Duration INTERVAL = Duration.ofSeconds(5);
    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(PaymentCheck.class);

    @Bean
    RecurringTask<Void> orderPaymentCheck(Orders orders) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(INTERVAL)).execute((instance, context) -> run(orders));
    }

    static int run(Orders orders) {
        int total = 0;
        int promoted;
        do {
            promoted = orders.promoteDue(BATCH);
            total += promoted;
        } while (promoted == BATCH);
        if (total > 0) {
            log.info("Payment check: {} orders Unshipped", total);
        }
        return total;
    }
}
