package io.openmws.testkit;

import java.util.List;

/**
 * A verified Professional seller account made for a test.
 *
 * @param sellerId     the Seller ID (merchant token)
 * @param email        the account's sign-in email
 * @param password     its password, for signing in to Seller Central
 * @param marketplaces its marketplace ids, the home one first
 */
public record SandboxSeller(String sellerId, String email, String password, List<String> marketplaces) {

    public SandboxSeller {
        marketplaces = List.copyOf(marketplaces);
    }

    @Override
    public String toString() {
        return "SandboxSeller[sellerId=" + sellerId + ", email=" + email + ", password redacted]";
    }
}
