package io.openmws.cli.sellers;

import static org.assertj.core.api.Assertions.assertThat;

import io.openmws.cli.CliRunner;
import io.openmws.cli.Terminal;
import io.openmws.cli.config.Profiles;
import io.openmws.testkit.OpenMwsSandbox;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import io.openmws.testkit.SandboxSeller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openmws sellers add|list|show|remove|check} against the platform, on a home folder of the test's own. */
@OpenMwsSandbox(shared = true)
class SellersCommandsTest {

    private static final String US = "ATVPDKIKX0DER";
    private static final String CA = "A2EUQ1WTGCTBG2";
    private static final String MX = "A1AM78C64UM0Y8";

    @TempDir
    Path home;

    private SandboxDeveloper developer;
    private CliRunner cli;

    @BeforeEach
    void configure(Sandbox sandbox) {
        developer = sandbox.newDeveloper();
        sandbox.throttling(developer, false);
        cli = new CliRunner(home);
        cli.configure(sandbox, developer);
    }

    private CliRunner.Result add(SandboxAuthorization grant, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "sellers";
        all[1] = "add";
        all[2] = "--seller-id";
        all[3] = grant.sellerId();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.runWithInput(grant.mwsAuthToken() + "\n", all);
    }

    @Test
    void addTriesTheTokenAndKeepsItOnlyEncrypted(Sandbox sandbox) throws IOException {
        SandboxSeller seller = sandbox.newSeller(US, CA);
        SandboxAuthorization grant = sandbox.authorize(seller, developer);

        CliRunner.Result added = add(grant, "--name", "Acme Toys", "--marketplace", US, "--marketplace", CA);

        assertThat(added.exitCode()).as(added.toString()).isZero();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(added.out()).contains("Seller ID:", seller.sellerId(), "Acme Toys", US + " " + CA,
                "MWS Auth Token: " + grant.mwsAuthToken().substring(0, 4) + "…", "Authorized on:  " + today,
                "Expires on:     " + today.plusMonths(12), "Status:         OK");
        assertThat(added.err()).contains("Stored seller " + seller.sellerId() + " in profile default");
        assertThat(added.out() + added.err()).doesNotContain(grant.mwsAuthToken());
        assertNowhereInPlainText(grant.mwsAuthToken());

        CliRunner.Result shown = cli.run("sellers", "show", seller.sellerId(), "--output", "json");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("\"sellerId\" : \"" + seller.sellerId() + "\"",
                "\"mwsAuthToken\" : \"amzn…\"", "\"status\" : \"OK\"").doesNotContain(grant.mwsAuthToken());

        // The same token from the environment, as a script would give it, with --replace.
        cli.env("MWS_AUTH_TOKEN", grant.mwsAuthToken());
        CliRunner.Result replaced = cli.run("sellers", "add", "--seller-id", seller.sellerId(), "--marketplace", US,
                "--replace");
        cli.unsetEnv("MWS_AUTH_TOKEN");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(replaced.err()).contains("Updated seller " + seller.sellerId());
        assertThat(cli.run("sellers", "list", "--output", "csv").out())
                .contains(seller.sellerId() + ",Acme Toys," + US + ",");
    }

    @Test
    void aRevokedOrWrongTokenStoresNothing(Sandbox sandbox) {
        SandboxSeller seller = sandbox.newSeller();
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        sandbox.revoke(grant);

        CliRunner.Result revoked = add(grant, "--marketplace", US);

        assertThat(revoked.exitCode()).as(revoked.toString()).isEqualTo(1);
        assertThat(revoked.err()).startsWith("openmws sellers add: AccessDenied").contains("RequestId", "Nothing was stored")
                .doesNotContain(grant.mwsAuthToken()).hasLineCount(1);

        SandboxSeller other = sandbox.newSeller();
        CliRunner.Result wrong = cli.runWithInput("amzn.mws.00000000-1111-2222-3333-444444444444\n", "sellers", "add",
                "--seller-id", other.sellerId(), "--marketplace", US);
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.err()).startsWith("openmws sellers add: AccessDenied").hasLineCount(1);

        CliRunner.Result malformed = cli.runWithInput("not-a-token\n", "sellers", "add", "--seller-id", other.sellerId(),
                "--marketplace", US);
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("openmws sellers add: MWS Auth Token: The MWS Auth Token must start with")
                .doesNotContain("not-a-token").hasLineCount(1);

        CliRunner.Result none = cli.run("sellers", "add", "--seller-id", other.sellerId(), "--marketplace", US);
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).startsWith("openmws sellers add: MWS Auth Token: expected the token").hasLineCount(1);

        CliRunner.Result list = cli.run("sellers", "list", "--output", "json");
        assertThat(list.out()).isEqualTo("[ ]\n");
    }

    @Test
    void marketplacesAreOneToFiveKnownOnesTheSellerSellsIn(Sandbox sandbox) {
        SandboxSeller seller = sandbox.newSeller(US, CA);
        SandboxAuthorization grant = sandbox.authorize(seller, developer);

        CliRunner.Result six = add(grant, "--marketplace", US, "--marketplace", CA, "--marketplace", MX,
                "--marketplace", "A1F83G8C2ARO7P", "--marketplace", "A1PA6795UKMFR9", "--marketplace", "A13V1IB3VIYZZH");
        assertThat(six.exitCode()).as(six.toString()).isEqualTo(2);
        assertThat(six.err()).isEqualTo("openmws sellers add: --marketplace: expected 1 to 5 marketplaces, as MWS allows"
                + " per seller; got 6\n");

        CliRunner.Result malformed = add(grant, "--marketplace", "atvpdkikx0der");
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(2);
        assertThat(malformed.err()).isEqualTo("openmws sellers add: --marketplace: expected a marketplace id like"
                + " ATVPDKIKX0DER (Amazon.com); 'atvpdkikx0der' is malformed\n");

        CliRunner.Result unknown = add(grant, "--marketplace", "AZZZZZZZZZZZZ");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("openmws sellers add: --marketplace: expected a marketplace id like"
                + " ATVPDKIKX0DER (Amazon.com); 'AZZZZZZZZZZZZ' is no known marketplace (known: ").hasLineCount(1);

        CliRunner.Result missing = cli.run("sellers", "add", "--seller-id", seller.sellerId());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("openmws sellers add: Missing required option: '--marketplace=ID'");

        CliRunner.Result elsewhere = add(grant, "--marketplace", US, "--marketplace", MX);
        assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isEqualTo(1);
        assertThat(elsewhere.err()).isEqualTo("openmws sellers add: --marketplace: seller " + seller.sellerId()
                + " does not sell in " + MX + " (it sells in " + US + ", " + CA + "). Nothing was stored\n");

        CliRunner.Result badDay = add(grant, "--marketplace", US, "--authorized-on", "03/01/2026");
        assertThat(badDay.exitCode()).isEqualTo(2);
        assertThat(badDay.err()).isEqualTo("openmws sellers add: --authorized-on: expected a day like 2026-03-01"
                + " (YYYY-MM-DD); got '03/01/2026'\n");

        CliRunner.Result badId = cli.run("sellers", "add", "--seller-id", "a2986zq066ch2f", "--marketplace", US);
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(badId.err()).isEqualTo("openmws sellers add: --seller-id: expected a Seller ID of 8 to 20 uppercase"
                + " letters and digits starting with 'A', like A2986ZQ066CH2F; got 'a2986zq066ch2f'\n");

        CliRunner.Result longName = add(grant, "--marketplace", US, "--name", "n".repeat(201));
        assertThat(longName.exitCode()).isEqualTo(2);
        assertThat(longName.err()).isEqualTo("openmws sellers add: --name: expected a name of at most 200 characters;"
                + " got 201\n");

        assertThat(cli.run("sellers", "list", "--output", "json").out()).isEqualTo("[ ]\n");
    }

    @Test
    void aSellerStoredAlreadyNeedsReplace(Sandbox sandbox) {
        SandboxSeller seller = sandbox.newSeller();
        SandboxAuthorization grant = sandbox.authorize(seller, developer);
        assertThat(add(grant, "--marketplace", US).exitCode()).isZero();

        CliRunner.Result again = add(grant, "--marketplace", US, "--name", "Other");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("openmws sellers add: --seller-id: " + seller.sellerId() + " is stored already"
                + " in profile default; add --replace to update it (a new token, marketplaces or day)\n");

        // A wrong new token is refused and leaves the stored seller as it was (the refusal is the new token's).
        CliRunner.Result wrongToken = cli.runWithInput("amzn.mws.00000000-1111-2222-3333-444444444444\n", "sellers", "add",
                "--seller-id", seller.sellerId(), "--marketplace", US, "--replace", "-v");
        assertThat(wrongToken.exitCode()).as(wrongToken.toString()).isEqualTo(1);
        assertThat(wrongToken.err()).contains("openmws: Sellers/ListMarketplaceParticipations for " + seller.sellerId()
                + " -> HTTP 401 AccessDenied", "openmws sellers add: AccessDenied");
        assertThat(line(cli.run("sellers", "list"), grant)).endsWith(" OK");

        // Revoked, marked by a check, then authorized again: --replace stores the new token and the status is OK again.
        sandbox.revoke(grant);
        assertThat(cli.run("sellers", "check").exitCode()).isEqualTo(1);
        assertThat(cli.run("sellers", "list").out()).contains("ACCESS DENIED");
        SandboxAuthorization again2 = sandbox.authorize(seller, developer);
        CliRunner.Result replaced = add(again2, "--marketplace", US, "--name", "Other", "--replace");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(cli.run("sellers", "list").out()).contains("Other").contains(" OK").doesNotContain("ACCESS DENIED");
    }

    @Test
    void listShowsDatesAndFlagsInEveryFormat(Sandbox sandbox) {
        CliRunner.Result empty = cli.run("sellers", "list");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).isEqualTo("SELLER ID  NAME  MARKETPLACES  AUTHORIZED ON  EXPIRES ON  DAYS LEFT  STATUS\n");
        assertThat(empty.err()).contains("No sellers in profile default yet; add one with 'openmws sellers add");
        assertThat(cli.run("sellers", "list", "--output", "json").out()).isEqualTo("[ ]\n");
        assertThat(cli.run("sellers", "list", "--output", "csv").out())
                .isEqualTo("sellerId,name,marketplaces,authorizedOn,expiresOn,daysLeft,status\r\n");

        SandboxAuthorization fresh = sandbox.authorize(sandbox.newSeller(), developer);
        SandboxAuthorization old = sandbox.authorize(sandbox.newSeller(), developer);
        SandboxAuthorization refused = sandbox.authorize(sandbox.newSeller(), developer);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate longAgo = today.minusDays(350);
        assertThat(add(fresh, "--marketplace", US, "--name", "Fresh").exitCode()).isZero();
        assertThat(add(old, "--marketplace", US, "--name", "Old", "--authorized-on", longAgo.toString()).exitCode()).isZero();
        assertThat(add(refused, "--marketplace", US, "--name", "Refused").exitCode()).isZero();
        sandbox.revoke(refused);

        CliRunner.Result check = cli.run("sellers", "check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(3);
        assertThat(check.out()).startsWith("SELLER ID").contains("RESULT", "MARKETPLACES", "DETAIL");
        assertThat(check.out().lines().filter(l -> l.startsWith(refused.sellerId())).findFirst().orElseThrow())
                .contains("ACCESS DENIED", "AccessDenied", "marked for re-authorization");
        assertThat(check.out().lines().filter(l -> l.startsWith(fresh.sellerId())).findFirst().orElseThrow())
                .contains("OK", US);

        long daysLeft = ChronoUnit.DAYS.between(today, longAgo.plusMonths(12));
        CliRunner.Result table = cli.run("sellers", "list");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow())
                .matches("SELLER ID +NAME +MARKETPLACES +AUTHORIZED ON +EXPIRES ON +DAYS LEFT +STATUS");
        assertThat(line(table, fresh)).matches(fresh.sellerId() + " +Fresh +" + US + " +" + today + " +"
                + today.plusMonths(12) + " +" + ChronoUnit.DAYS.between(today, today.plusMonths(12)) + " +OK");
        assertThat(line(table, old)).matches(old.sellerId() + " +Old +" + US + " +" + longAgo + " +"
                + longAgo.plusMonths(12) + " +" + daysLeft + " +RENEW SOON");
        assertThat(line(table, refused)).endsWith("ACCESS DENIED");

        CliRunner.Result json = cli.run("sellers", "list", "--output", "json");
        assertThat(json.out()).contains("\"sellerId\" : \"" + old.sellerId() + "\"", "\"name\" : \"Old\"",
                "\"marketplaces\" : \"" + US + "\"", "\"authorizedOn\" : \"" + longAgo + "\"",
                "\"expiresOn\" : \"" + longAgo.plusMonths(12) + "\"", "\"daysLeft\" : \"" + daysLeft + "\"",
                "\"status\" : \"RENEW SOON\"", "\"status\" : \"ACCESS DENIED\"");
        CliRunner.Result csv = cli.run("sellers", "list", "--output", "csv");
        assertThat(csv.out()).startsWith("sellerId,name,marketplaces,authorizedOn,expiresOn,daysLeft,status\r\n")
                .contains(old.sellerId() + ",Old," + US + "," + longAgo + "," + longAgo.plusMonths(12) + "," + daysLeft
                        + ",RENEW SOON\r\n");

        CliRunner.Result why = cli.run("sellers", "show", refused.sellerId());
        assertThat(why.out()).contains("Status:         ACCESS DENIED",
                "Status reason:  AccessDenied on Sellers/ListMarketplaceParticipations");
    }

    @Test
    void checkExitCodesAndAuthorizedAgainSellersBecomeActive(Sandbox sandbox) {
        SandboxAuthorization a = sandbox.authorize(sandbox.newSeller(), developer);
        SandboxAuthorization b = sandbox.authorize(sandbox.newSeller(), developer);
        assertThat(add(a, "--marketplace", US).exitCode()).isZero();
        assertThat(add(b, "--marketplace", US).exitCode()).isZero();

        CliRunner.Result allOk = cli.run("sellers", "check", "--output", "json");
        assertThat(allOk.exitCode()).as(allOk.toString()).isZero();
        assertThat(allOk.out()).contains("\"result\" : \"OK\"").doesNotContain("FAILED", "ACCESS DENIED");

        sandbox.revoke(a);
        CliRunner.Result some = cli.run("sellers", "check");
        assertThat(some.exitCode()).as(some.toString()).isEqualTo(3);
        assertThat(some.err()).contains("1 of 2 sellers failed");

        CliRunner.Result one = cli.run("sellers", "check", "--seller", b.sellerId());
        assertThat(one.exitCode()).isZero();
        assertThat(one.out().lines()).hasSize(2);

        sandbox.revoke(b);
        CliRunner.Result none = cli.run("sellers", "check");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(1);
        assertThat(cli.run("sellers", "list").out().lines().skip(1)).allMatch(l -> l.endsWith("ACCESS DENIED"));

        CliRunner.Result unknown = cli.run("sellers", "check", "--seller", "A1NOSUCHSELLER");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("openmws sellers check: no seller A1NOSUCHSELLER in profile default"
                + " (see 'openmws sellers list')\n");

        // A seller marked refused whose token works (the seller fixed it on its side): the check sets it back to active.
        SandboxAuthorization c = sandbox.authorize(sandbox.newSeller(), developer);
        assertThat(add(c, "--marketplace", US).exitCode()).isZero();
        Profiles.of(Terminal.of(InputStream.nullInputStream(), System.out, System.err, Map.of(), home))
                .profile("default").store().markNeedsReauthorization(c.sellerId(), "AccessDenied a while ago");
        assertThat(line(cli.run("sellers", "list"), c)).endsWith("ACCESS DENIED");
        CliRunner.Result back = cli.run("sellers", "check", "--seller", c.sellerId());
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(line(back, c)).contains("OK", "authorized again: marked active");
        assertThat(line(cli.run("sellers", "list"), c)).endsWith(" OK");
        assertThat(cli.run("sellers", "show", c.sellerId()).out()).doesNotContain("Status reason:  AccessDenied");
    }

    @Test
    void removeForgetsASellerAndUnknownOnesFail(Sandbox sandbox) {
        SandboxAuthorization grant = sandbox.authorize(sandbox.newSeller(), developer);
        assertThat(add(grant, "--marketplace", US).exitCode()).isZero();

        CliRunner.Result removed = cli.run("sellers", "remove", grant.sellerId());
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.err()).isEqualTo("Removed seller " + grant.sellerId() + " from profile default\n");
        assertThat(cli.run("sellers", "list", "--output", "json").out()).isEqualTo("[ ]\n");

        CliRunner.Result again = cli.run("sellers", "remove", grant.sellerId());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("openmws sellers remove: no seller " + grant.sellerId()
                + " in profile default (see 'openmws sellers list')\n");
        CliRunner.Result show = cli.run("sellers", "show", grant.sellerId());
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.err()).startsWith("openmws sellers show: no seller " + grant.sellerId() + " in profile default");

        CliRunner.Result otherProfile = cli.run("--profile", "eu", "sellers", "list");
        assertThat(otherProfile.exitCode()).isEqualTo(2);
        assertThat(otherProfile.err()).startsWith("openmws sellers list: Profile 'eu' is not configured");
    }

    @Test
    void everyVerbHasHelpWithExamples() {
        for (String verb : new String[] {"add", "list", "show", "remove", "check"}) {
            CliRunner.Result help = cli.run("sellers", verb, "--help");
            assertThat(help.exitCode()).as(verb).isZero();
            assertThat(help.out()).as(verb).contains("Usage: openmws sellers " + verb, "Examples:", "openmws sellers " + verb);
        }
        CliRunner.Result parent = cli.run("sellers", "--help");
        assertThat(parent.out()).contains("add", "list", "show", "remove", "check", "Examples:");
        CliRunner.Result bare = cli.run("sellers");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).startsWith("openmws sellers: Missing required subcommand");
        assertThat(cli.run("sellers", "add", "--help").out()).contains("MWS_AUTH_TOKEN").doesNotContain("--token");
    }

    private static String line(CliRunner.Result r, SandboxAuthorization grant) {
        return r.out().lines().filter(l -> l.startsWith(grant.sellerId())).findFirst().orElseThrow();
    }

    private void assertNowhereInPlainText(String secret) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(secret).doesNotContain(secret.substring("amzn.mws.".length()));
            }
        }
    }
}
