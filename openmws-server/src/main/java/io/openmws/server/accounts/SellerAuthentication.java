package io.openmws.server.accounts;

import java.time.Clock;
import java.util.UUID;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs sellers in to the portal: loads the account behind the email and checks the password, as
 * Spring's {@code DaoAuthenticationProvider} with a {@code UserDetailsService} would, except
 * that the hash compared against for an unknown address is made once, when the platform starts.
 * Spring makes its own on the first sign-in, unsynchronised, so a burst right after start made one
 * per request; and the time of a first sign-in would tell an unknown address from a known one.
 * Every sign-in still pays for one hash: unknown address, wrong password, locked account alike
 * (the base class checks the password of a locked account too).
 */
@Component
class SellerAuthentication extends AbstractUserDetailsAuthenticationProvider {

    private final SellerAccountRepository accounts;
    private final Clock clock;
    private final PasswordEncoder passwords;
    /** The hash of a random secret nobody knows: what an unknown address's password is compared with. */
    private final String unknownAddressHash;

    SellerAuthentication(SellerAccountRepository accounts, Clock clock, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.clock = clock;
        this.passwords = passwords;
        this.unknownAddressHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** The account behind a sign-in email, locked or not; the base class checks the lock. */
    @Override
    protected UserDetails retrieveUser(String email, UsernamePasswordAuthenticationToken authentication) {
        SellerAccountRepository.Credentials credentials;
        try {
            credentials = accounts.credentialsByEmail(email).orElse(null);
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
        if (credentials == null) {
            if (authentication.getCredentials() != null) {
                passwords.matches(authentication.getCredentials().toString(), unknownAddressHash);
            }
            throw new UsernameNotFoundException("No account for that email");
        }
        var account = credentials.account();
        boolean locked = credentials.lockedUntil() != null && clock.instant().isBefore(credentials.lockedUntil());
        return new SellerPrincipal(account.id(), SellerAccountRepository.normalize(account.email()),
                account.sellerId(), credentials.passwordHash(), locked);
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        Object presented = authentication.getCredentials();
        String stored = user.getPassword();
        boolean matches = presented != null
                && passwords.matches(presented.toString(), stored == null ? unknownAddressHash : stored);
        if (!matches || stored == null) {
            throw new BadCredentialsException(messages.getMessage(
                    "AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
        }
    }
}
