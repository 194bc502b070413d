package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SandboxSellerAccounts;
import io.openmws.server.accounts.SellerAccounts;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creates verified Professional seller accounts for tests, and switches staging mode. */
@RestController
class SellersApi {

    record NewSeller(String sellerId, String email, String businessName, String password, List<String> marketplaces,
                     Boolean staging) {
        @Override
        public String toString() {
            return "NewSeller[email=" + email + ", password redacted]";
        }
    }

    /** The created account. The password is returned once, as the caller needs it to sign in. */
    record CreatedSeller(String sellerId, String email, String password, List<String> marketplaces, boolean staging) {
        @Override
        public String toString() {
            return "CreatedSeller[sellerId=" + sellerId + ", email=" + email + ", password redacted]";
        }
    }

    record Staging(Boolean enabled) {}

    record StagingState(String sellerId, boolean staging) {}

    private final SandboxSellerAccounts accounts;

    SellersApi(SandboxSellerAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/sandbox/v1/sellers")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedSeller create(@RequestBody(required = false) NewSeller request) {
        NewSeller r = request == null ? new NewSeller(null, null, null, null, null, null) : request;
        String suffix = SandboxText.random(10);
        String email = blank(r.email()) ? "seller-" + suffix + "@sandbox.openmws.invalid" : r.email().strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw SandboxApiException.invalid("'email' must be an address like name@example.com.");
        }
        String password = blank(r.password()) ? SandboxText.password() : r.password();
        List<String> marketplaces = r.marketplaces() == null || r.marketplaces().isEmpty()
                ? List.of("ATVPDKIKX0DER") : r.marketplaces();
        if (marketplaces.stream().anyMatch(SellersApi::blank)) {
            throw SandboxApiException.invalid("'marketplaces' holds an empty id.");
        }
        String businessName = blank(r.businessName()) ? "Sandbox Seller " + suffix.toUpperCase(Locale.ROOT) : r.businessName();
        if (businessName.length() > 200) {
            throw SandboxApiException.invalid("'businessName' is longer than 200 characters.");
        }
        SellerAccount account = accounts.createVerified(new SellerAccounts.SignUp(businessName, businessName, email, password,
                marketplaces.get(0), marketplaces.subList(1, marketplaces.size())), Boolean.TRUE.equals(r.staging()),
                blank(r.sellerId()) ? null : r.sellerId().strip());
        return new CreatedSeller(account.sellerId(), account.email(), password, account.marketplaceIds(), account.staging());
    }

    @PostMapping("/sandbox/v1/sellers/{sellerId}/staging")
    StagingState staging(@PathVariable String sellerId, @RequestBody Staging request) {
        if (request == null || request.enabled() == null) {
            throw SandboxApiException.invalid("Give {\"enabled\": true} or {\"enabled\": false}.");
        }
        if (!accounts.setStaging(sellerId, request.enabled())) {
            throw SandboxApiException.notFound("No seller account has Seller ID " + Text.abbreviate(sellerId, 43) + ".");
        }
        return new StagingState(sellerId, request.enabled());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
