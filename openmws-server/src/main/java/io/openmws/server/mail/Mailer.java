package io.openmws.server.mail;

/**
 * The platform's one way to send mail: over SMTP when {@code spring.mail.host} is set, otherwise (in
 * sandbox mode) into the {@link SandboxMailbox}. Implementations log the recipient and subject, never
 * the body.
 */
public interface Mailer {

    void send(Mail mail);
}
