package io.openmws.server.sandbox;

import io.openmws.protocol.ids.MwsAuthToken;
import io.openmws.protocol.ids.SecretKey;
import io.openmws.protocol.signature.RequestSigner;
import io.openmws.protocol.signature.SignatureMethod;
import io.openmws.protocol.signature.SigningSecret;
import io.openmws.protocol.time.Timestamps;
import io.openmws.server.accounts.SellerAccount;
import io.openmws.server.accounts.SandboxSellerAccounts;
import io.openmws.server.accounts.SellerAccounts;
import io.openmws.server.authorizations.Actor;
import io.openmws.server.authorizations.Authorization;
import io.openmws.server.authorizations.AuthorizationStatus;
import io.openmws.server.authorizations.SandboxAuthorizations;
import io.openmws.server.developers.AccessKey;
import io.openmws.server.developers.Developer;
import io.openmws.server.developers.SandboxDevelopers;
import io.openmws.server.support.OpenMwsProperties;
import io.openmws.server.support.PlatformClock;
import io.openmws.server.support.PortalLinks;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --openmws.sandbox.demo=true}: at start, a demo seller, a demo developer and an authorization
 * between them (found again on later starts), and a printout of what an integrator needs to call the
 * API, with a ready-to-paste command. The printout goes to the console on purpose, never to the log.
 */
@Component
class DemoData {

    static final String DEVELOPER_EMAIL = "demo-developer@openmws.invalid";
    static final String SELLER_EMAIL = "demo-seller@openmws.invalid";
    static final String DEVELOPER_NAME = "OpenMWS Demo Developer";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final SandboxProperties sandbox;
    private final OpenMwsProperties platform;
    private final SandboxSellerAccounts accounts;
    private final SandboxDevelopers developers;
    private final SandboxAuthorizations authorizations;
    private final PlatformClock clock;
    private final PortalLinks links;
    private final PrintStream console;

    DemoData(SandboxProperties sandbox, OpenMwsProperties platform, SandboxSellerAccounts accounts,
             SandboxDevelopers developers, SandboxAuthorizations authorizations, PlatformClock clock, PortalLinks links) {
        this.sandbox = sandbox;
        this.platform = platform;
        this.accounts = accounts;
        this.developers = developers;
        this.authorizations = authorizations;
        this.clock = clock;
        this.links = links;
        this.console = System.out;
    }

    /** What the demo consists of, for the printout and for tests. */
    record Demo(String developerId, String accessKeyId, SecretKey secretKey, String developerSellerId,
                String developerPassword, String sellerId, String sellerPassword, MwsAuthToken token,
                List<String> marketplaces) {
        @Override
        public String toString() {
            return "Demo[developerId=" + developerId + ", sellerId=" + sellerId + ", secrets redacted]";
        }
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!sandbox.demo() || !platform.sandbox()) {
            return;
        }
        URI base = links.base();
        Demo demo = ensure();
        print(demo, base);
        log.info("Demo data ready: developer {} authorized by seller {} (credentials printed on the console)",
                demo.developerId(), demo.sellerId());
    }

    /** Creates what is missing of the demo, and returns all of it. */
    Demo ensure() {
        String developerPassword = null;
        Optional<SellerAccount> developerAccount = accounts.byEmail(DEVELOPER_EMAIL);
        if (developerAccount.isEmpty()) {
            developerPassword = SandboxText.password();
            developerAccount = Optional.of(accounts.createVerified(new SellerAccounts.SignUp("OpenMWS Demo Developer Ltd",
                    "Dana Demo", DEVELOPER_EMAIL, developerPassword, "ATVPDKIKX0DER", List.of()), false));
        }
        SellerAccount devAccount = developerAccount.get();
        Developer developer = developers.ofAccount(devAccount.id()).orElseGet(() -> {
            developers.registerForSandbox(devAccount.id(), DEVELOPER_NAME);
            return developers.ofAccount(devAccount.id()).orElseThrow();
        });
        AccessKey key = developers.keys(developer).stream().filter(AccessKey::active).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo developer has no active access key; "
                        + "create one in Developer Central or reset the sandbox"));
        SecretKey secret = developers.activeKey(key.accessKeyId().value()).orElseThrow().secretKey();

        String sellerPassword = null;
        Optional<SellerAccount> sellerAccount = accounts.byEmail(SELLER_EMAIL);
        if (sellerAccount.isEmpty()) {
            sellerPassword = SandboxText.password();
            sellerAccount = Optional.of(accounts.createVerified(new SellerAccounts.SignUp("OpenMWS Demo Seller Inc",
                    "Sam Seller", SELLER_EMAIL, sellerPassword, "ATVPDKIKX0DER", List.of("A2EUQ1WTGCTBG2")), true));
        }
        SellerAccount seller = sellerAccount.get();
        String developerId = developer.developerId().digits();
        Authorization authorization = authorizations.ofPair(seller.sellerId(), developerId)
                .filter(a -> a.status() != AuthorizationStatus.REVOKED)
                .map(a -> a.status() == AuthorizationStatus.ACTIVE && a.expiresAt().isAfter(clock.instant())
                        ? a : authorizations.renewPair(seller.sellerId(), developerId, Actor.OPERATOR))
                .orElseGet(() -> authorizations.authorizeForSandbox(seller.sellerId(), developerId, "demo-data")
                        .authorization());
        MwsAuthToken token = authorizations.operatorToken(authorization);
        return new Demo(developerId, key.accessKeyId().value(), secret, devAccount.sellerId(), developerPassword,
                seller.sellerId(), sellerPassword, token, seller.marketplaceIds());
    }

    private void print(Demo demo, URI base) {
        String host = base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
        Map<String, String> params = new TreeMap<>(Map.of("AWSAccessKeyId", demo.accessKeyId(),
                "Action", "ListMarketplaceParticipations", "SellerId", demo.sellerId(),
                "MWSAuthToken", demo.token().reveal(), "Version", "2011-07-01",
                // Signed against the client's real time: the API checks Timestamp against real time.
                "Timestamp", Timestamps.format(clock.realTime().instant())));
        String body = RequestSigner.of(SigningSecret.of(demo.secretKey().reveal()), SignatureMethod.HMAC_SHA256)
                .signedQuery("POST", host, "/Sellers/2011-07-01", params);
        String line = "=".repeat(78);
        console.println(line);
        console.println(" OpenMWS sandbox demo data (printed to the console only, never to the log)");
        console.println(line);
        console.println(" MWS endpoint        " + base);
        console.println(" Developer ID        " + demo.developerId() + "   (" + DEVELOPER_NAME + ")");
        console.println(" Access Key ID       " + demo.accessKeyId());
        console.println(" Secret Key          " + demo.secretKey().reveal());
        console.println(" Seller ID           " + demo.sellerId());
        console.println(" MWS Auth Token      " + demo.token().reveal());
        console.println(" Marketplaces        " + String.join(", ", demo.marketplaces()));
        console.println();
        console.println(" Seller Central      " + base.resolve("/login"));
        console.println("   developer account " + DEVELOPER_EMAIL + passwordNote(demo.developerPassword()));
        console.println("   seller account    " + SELLER_EMAIL + passwordNote(demo.sellerPassword()));
        console.println();
        console.println(" A signed call, valid for 15 minutes (ListMarketplaceParticipations):");
        console.println("   curl -s -X POST '" + base.resolve("/Sellers/2011-07-01") + "' \\");
        console.println("        -H 'Content-Type: application/x-www-form-urlencoded' \\");
        console.println("        --data '" + body + "'");
        console.println(line);
    }

    private static String passwordNote(String password) {
        return password == null ? "   (password as printed at its first start)" : "   password " + password;
    }
}
