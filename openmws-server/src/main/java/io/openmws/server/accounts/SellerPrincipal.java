package io.openmws.server.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who is signed in to the portal. Kept in the (database-backed) session, so it holds ids only; pages
 * load what they show from the database. A pending account has only {@code ROLE_PENDING}, which opens
 * the verification page and nothing else.
 */
public final class SellerPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    static final String ROLE_SELLER = "ROLE_SELLER";
    static final String ROLE_PENDING = "ROLE_PENDING";

    private static final long NO_ACCOUNT = 0;

    private final long accountId;
    private final String email;
    private final String sellerId;
    private final boolean locked;
    private String passwordHash;

    SellerPrincipal(long accountId, String email, String sellerId, String passwordHash, boolean locked) {
        this.accountId = accountId;
        this.email = email;
        this.sellerId = sellerId;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    /**
     * The pending principal of a sign-up whose address has an account already: it reaches the
     * verification page, as after any sign-up, and nothing else, since there is no account behind it.
     */
    static SellerPrincipal withoutAccount(String email) {
        return new SellerPrincipal(NO_ACCOUNT, SellerAccountRepository.normalize(email), null, null, false);
    }

    static SellerPrincipal of(SellerAccount account) {
        return new SellerPrincipal(account.id(), SellerAccountRepository.normalize(account.email()),
                account.sellerId(), null, false);
    }

    public long accountId() {
        return accountId;
    }

    /** The Seller ID, or {@code null} while the account awaits verification. */
    public String sellerId() {
        return sellerId;
    }

    public boolean pending() {
        return sellerId == null;
    }

    /** False only for {@link #withoutAccount}. */
    boolean hasAccount() {
        return accountId != NO_ACCOUNT;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(pending() ? ROLE_PENDING : ROLE_SELLER));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** The normalized email: the name sessions are indexed by. */
    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SellerPrincipal other && other.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "SellerPrincipal[account=" + accountId + ", sellerId=" + sellerId + "]";
    }
}
