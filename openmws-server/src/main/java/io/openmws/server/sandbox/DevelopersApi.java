package io.openmws.server.sandbox;

import io.openmws.protocol.Text;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SandboxSellerAccounts;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.SandboxDevelopers;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers developers for tests (creating their seller account when none is named), suspends and reinstates them. */
@RestController
class DevelopersApi {

    record NewDeveloper(String sellerId, String developerName, String accessKeyId, String secretKey) {
        @Override
        public String toString() {
            return "NewDeveloper[sellerId=" + sellerId + ", developerName=" + developerName + ", secret redacted]";
        }
    }

    /** The credentials an integrator needs. The secret is returned once, here. */
    record CreatedDeveloper(String developerId, String developerName, String sellerId, String accessKeyId,
                            String secretKey) {
        @Override
        public String toString() {
            return "CreatedDeveloper[developerId=" + developerId + ", accessKeyId=" + accessKeyId + ", secret redacted]";
        }
    }

    record Suspension(String reason) {}

    record DeveloperState(String developerId, String status) {}

    /** Who the control API records as having suspended or reinstated a developer. */
    static final String ACTOR = "control-api";

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private final SandboxDevelopers developers;
    private final SandboxSellerAccounts accounts;
    private final SellersApi sellers;

    DevelopersApi(SandboxDevelopers developers, SandboxSellerAccounts accounts, SellersApi sellers) {
        this.developers = developers;
        this.accounts = accounts;
        this.sellers = sellers;
    }

    @PostMapping("/sandbox/v1/developers/{developerId}/suspend")
    DeveloperState suspend(@PathVariable String developerId, @RequestBody(required = false) Suspension request) {
        String reason = request == null ? null : request.reason();
        return changeStatus(developerId, () -> developers.suspend(developerId, reason, ACTOR));
    }

    @PostMapping("/sandbox/v1/developers/{developerId}/reinstate")
    DeveloperState reinstate(@PathVariable String developerId) {
        return changeStatus(developerId, () -> developers.reinstate(developerId, ACTOR));
    }

    private static DeveloperState changeStatus(String developerId, Supplier<Developer> change) {
        Developer developer = change.get();
        return new DeveloperState(developer.developerId().digits(), developer.status().name());
    }

    @PostMapping("/sandbox/v1/developers")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedDeveloper create(@RequestBody(required = false) NewDeveloper request) {
        NewDeveloper r = request == null ? new NewDeveloper(null, null, null, null) : request;
        SellerAccount account;
        if (r.sellerId() == null || r.sellerId().isBlank()) {
            String sellerId = sellers.create(null).sellerId();
            account = accounts.bySellerId(sellerId).orElseThrow();
        } else {
            account = accounts.bySellerId(r.sellerId().strip())
                    .orElseThrow(() -> SandboxApiException.notFound("No seller account has Seller ID "
                            + Text.abbreviate(r.sellerId(), 43) + "."));
        }
        String name = r.developerName() == null || r.developerName().isBlank()
                ? "Sandbox Developer " + account.sellerId().substring(account.sellerId().length() - 6)
                : r.developerName();
        SandboxDevelopers.SandboxDeveloper created = developers.registerForSandbox(account.id(), name,
                blank(r.accessKeyId()) ? null : r.accessKeyId().strip(), blank(r.secretKey()) ? null : r.secretKey());
        return new CreatedDeveloper(created.developerId(), created.developerName(), account.sellerId(),
                created.accessKeyId(), created.secretKey().reveal());
    }
}
