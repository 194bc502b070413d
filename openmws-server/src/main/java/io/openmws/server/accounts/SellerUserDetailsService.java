package io.openmws.server.accounts;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads the account behind a sign-in email for Spring Security's form login. */
@Service
class SellerUserDetailsService implements UserDetailsService {

    private final SellerAccountRepository accounts;
    private final Clock clock;

    SellerUserDetailsService(SellerAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var credentials = accounts.credentialsByEmail(email)
                .orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
        var account = credentials.account();
        boolean locked = credentials.lockedUntil() != null && clock.instant().isBefore(credentials.lockedUntil());
        return new SellerPrincipal(account.id(), SellerAccountRepository.normalize(account.email()),
                account.sellerId(), credentials.passwordHash(), locked);
    }
}
