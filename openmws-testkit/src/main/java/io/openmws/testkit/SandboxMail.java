package io.openmws.testkit;

import java.time.Instant;

/** A message the platform kept in its sandbox mailbox instead of sending it. */
public record SandboxMail(String to, String subject, String body, Instant sentAt) {

    @Override
    public String toString() {
        return "SandboxMail[to=" + to + ", subject=" + subject + ", sentAt=" + sentAt + "]";
    }
}
