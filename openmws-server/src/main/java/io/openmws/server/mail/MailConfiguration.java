package io.openmws.server.mail;

import io.openmws.server.support.OpenMwsProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Chooses the one {@link Mailer}: SMTP when Spring Boot configured a {@link JavaMailSender} (that is,
 * {@code spring.mail.host} is set), otherwise the sandbox mailbox. Production mode without SMTP
 * refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> smtp, OpenMwsProperties properties, JdbcClient jdbc, Clock clock,
                  Environment environment) {
        // An empty spring.mail.host counts as unset, so that a deployment can blank out an inherited one.
        JavaMailSender sender = StringUtils.hasText(environment.getProperty("spring.mail.host")) ? smtp.getIfAvailable() : null;
        if (sender != null) {
            return new SmtpMailer(sender, properties.mailFrom());
        }
        if (!properties.sandbox()) {
            throw new IllegalStateException(
                    "Production mode needs an SMTP server: set spring.mail.host (and spring.mail.port, username, password)");
        }
        return new SandboxMailbox(jdbc, clock);
    }
}
