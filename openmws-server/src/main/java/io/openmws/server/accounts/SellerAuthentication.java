package io.openmws.server.accounts;

import java.util.UUID;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a portal sign-in's password, as Spring's {@code DaoAuthenticationProvider} does, except
 * that the hash compared against for an unknown address is made once, when the platform starts.
 * Spring makes its own on the first sign-in, unsynchronised, so a burst right after start made one
 * per request; and the time of a first sign-in would tell an unknown address from a known one.
 * Every sign-in still pays for one hash: unknown address, wrong password, locked account alike
 * (the base class checks the password of a locked account too).
 */
@Component
class SellerAuthentication extends AbstractUserDetailsAuthenticationProvider {

    private final SellerUserDetailsService users;
    private final PasswordEncoder passwords;
    /** The hash of a random secret nobody knows: what an unknown address's password is compared with. */
    private final String unknownAddressHash;

    SellerAuthentication(SellerUserDetailsService users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
        this.unknownAddressHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    protected UserDetails retrieveUser(String username, UsernamePasswordAuthenticationToken authentication) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException unknown) {
            if (authentication.getCredentials() != null) {
                passwords.matches(authentication.getCredentials().toString(), unknownAddressHash);
            }
            throw unknown;
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
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
