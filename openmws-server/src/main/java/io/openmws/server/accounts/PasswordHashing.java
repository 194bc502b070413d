package io.openmws.server.accounts;

import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bounds the memory password hashing can take at once. Argon2id with Spring Security's v5.8
 * defaults fills 16 MiB per hash, so fifty sign-ins at the same moment would want 800 MiB; here at
 * most {@link #permitsFor(long) a quarter of the heap's worth} run together and the others wait
 * their turn in arrival order (a fair semaphore). Callers wait; they never fail for it.
 */
final class PasswordHashing implements PasswordEncoder {

    /** What one Argon2id hash of {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()} allocates. */
    static final long BYTES_PER_HASH = 16L * 1024 * 1024;

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final int permitCount;

    PasswordHashing(PasswordEncoder delegate, int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("At least one hash must be allowed at a time; got " + permits);
        }
        this.delegate = delegate;
        this.permitCount = permits;
        this.permits = new Semaphore(permits, true);
    }

    /** Hashes run at most as many at once as a quarter of this JVM's maximum heap holds. */
    static PasswordHashing forThisHeap(PasswordEncoder delegate) {
        return new PasswordHashing(delegate, permitsFor(Runtime.getRuntime().maxMemory()));
    }

    /** How many hashes may run together in a heap of {@code maxMemory} bytes: at least one. */
    static int permitsFor(long maxMemory) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (maxMemory / 4) / BYTES_PER_HASH));
    }

    int permits() {
        return permitCount;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        permits.acquireUninterruptibly();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        permits.acquireUninterruptibly();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    /** Reads the stored hash's prefix only: no hashing, no permit. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    @Override
    public String toString() {
        return "PasswordHashing[at most " + permitCount + " at once]";
    }
}
