package io.openmws.cli.sellers;

import io.openmws.cli.Cli;
import io.openmws.cli.CliFailure;
import io.openmws.cli.ExitCode;
import io.openmws.cli.Terminal;
import io.openmws.cli.config.Profile;
import io.openmws.protocol.ids.MarketplaceId;
import io.openmws.protocol.ids.SellerId;
import io.openmws.protocol.marketplace.Marketplaces;
import io.openmws.sdk.MarketplaceParticipation;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.SellerAccess;
import io.openmws.sdk.store.SellerCredentialStore;
import io.openmws.sdk.store.SellerStatus;
import io.openmws.sdk.store.StoredSeller;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openmws sellers add}: stores a seller who authorized the developer, once a live
 * {@code ListMarketplaceParticipations} with its token has worked and shown that it sells in every marketplace
 * given. The token is read like a secret (from {@code MWS_AUTH_TOKEN}, else asked without echo), never an option.
 */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Store a seller who authorized you. The MWS Auth Token is read from MWS_AUTH_TOKEN, or asked"
                + " without echo; it is tried with a live ListMarketplaceParticipations call and stored encrypted only"
                + " when the endpoint accepts it and the seller sells in every --marketplace."},
        footerHeading = "%nExamples:%n",
        footer = {"  openmws sellers add --seller-id A2986ZQ066CH2F --name 'Acme Toys' --marketplace ATVPDKIKX0DER",
            "  MWS_AUTH_TOKEN=amzn.mws.... openmws sellers add --seller-id A2986ZQ066CH2F --marketplace ATVPDKIKX0DER"
                    + " --marketplace A2EUQ1WTGCTBG2",
            "  openmws sellers add --seller-id A2986ZQ066CH2F --marketplace ATVPDKIKX0DER --authorized-on 2026-03-01",
            "  openmws sellers add --seller-id A2986ZQ066CH2F --marketplace ATVPDKIKX0DER --replace   # a new token"})
public final class SellersAdd implements Callable<Integer> {

    /** Where scripts put the token. */
    static final String TOKEN_ENV = "MWS_AUTH_TOKEN";

    @Spec
    private CommandSpec spec;

    @Option(names = "--seller-id", required = true, paramLabel = "ID",
            description = "The seller's Seller ID (merchant token), e.g. A2986ZQ066CH2F.")
    private String sellerId;

    @Option(names = "--name", paramLabel = "NAME", description = "A name for people (default: the Seller ID).")
    private String name;

    @Option(names = "--marketplace", required = true, paramLabel = "ID",
            description = "A marketplace you work in for the seller, e.g. ATVPDKIKX0DER; repeat for 1 to 5.")
    private List<String> marketplaces = new ArrayList<>();

    @Option(names = "--authorized-on", paramLabel = "DATE",
            description = "The day the seller authorized you, YYYY-MM-DD (default: today); it expires 12 months later.")
    private String authorizedOn;

    @Option(names = "--replace", description = "Update a seller stored already: new token, marketplaces, day; status"
            + " back to active.")
    private boolean replace;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Profile profile = cli.profile();
        profile.requireSettings();
        String id = sellerId();
        if (name != null && name.strip().length() > 200) {
            throw CliFailure.usage("--name", "expected a name of at most 200 characters; got " + name.strip().length());
        }
        List<String> marketplaceIds = marketplaceIds();
        LocalDate day = authorizedOn();
        SellerCredentialStore store = profile.store();
        Optional<StoredSeller> existing = store.get(id);
        if (existing.isPresent() && !replace) {
            throw CliFailure.usage("--seller-id", id + " is stored already in profile " + profile.name()
                    + "; add --replace to update it (a new token, marketplaces or day)");
        }
        String token = token(cli.terminal());
        SellerAccess access;
        try {
            access = SellerAccess.of(id, token, marketplaceIds);
        } catch (IllegalArgumentException e) {
            String source = cli.terminal().env(TOKEN_ENV).isPresent() ? TOKEN_ENV : "MWS Auth Token";
            throw CliFailure.usage(source, e.getMessage()); // the SDK's message never holds the token
        }
        List<String> live = participations(cli.client(), access, store, existing);
        List<String> missing = marketplaceIds.stream().filter(m -> !live.contains(m)).toList();
        if (!missing.isEmpty()) {
            throw CliFailure.failed("--marketplace: seller " + id + " does not sell in " + String.join(", ", missing)
                    + " (it sells in " + String.join(", ", live) + "). Nothing was stored");
        }

        StoredSeller seller = StoredSeller.builder(id).name(name != null ? name : existing.map(StoredSeller::name).orElse(null))
                .mwsAuthToken(token).marketplaceIds(marketplaceIds).authorizedOn(day).status(SellerStatus.ACTIVE).build();
        if (existing.isPresent()) {
            store.update(seller);
        } else {
            store.add(seller);
        }
        StoredSeller stored = SellerRecords.require(profile, id);
        cli.output().printRecord(SellerRecords.record(stored));
        cli.output().info((existing.isPresent() ? "Updated" : "Stored") + " seller " + id + " in profile "
                + profile.name() + " (token encrypted); the endpoint accepted the token");
        return ExitCode.OK;
    }

    private String sellerId() {
        String id = sellerId.strip();
        if (!SellerId.isValid(id)) {
            throw CliFailure.usage("--seller-id", "expected a Seller ID of 8 to 20 uppercase letters and digits starting"
                    + " with 'A', like A2986ZQ066CH2F; got '" + abbreviate(id) + "'");
        }
        return id;
    }

    /** 1 to 5 distinct ids of the protocol's marketplace table. */
    private List<String> marketplaceIds() {
        if (marketplaces.size() > SellerAccess.MAX_MARKETPLACES) {
            throw CliFailure.usage("--marketplace", "expected 1 to " + SellerAccess.MAX_MARKETPLACES
                    + " marketplaces, as MWS allows per seller; got " + marketplaces.size());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String m : marketplaces) {
            String v = m.strip();
            if (!MarketplaceId.isValid(v) || Marketplaces.byId(v).isEmpty()) {
                throw CliFailure.usage("--marketplace", "expected a marketplace id like ATVPDKIKX0DER (Amazon.com); '"
                        + abbreviate(v) + "' is " + (MarketplaceId.isValid(v) ? "no known marketplace (known: "
                        + Marketplaces.all().stream().map(x -> x.id().value() + " " + x.countryCode())
                        .collect(Collectors.joining(", ")) + ")" : "malformed"));
            }
            if (!ids.add(v)) {
                throw CliFailure.usage("--marketplace", "expected each marketplace once; " + v + " is given twice");
            }
        }
        return List.copyOf(ids);
    }

    private LocalDate authorizedOn() {
        LocalDate today = SellerRecords.today();
        if (authorizedOn == null) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(authorizedOn.strip());
        } catch (DateTimeParseException e) {
            throw CliFailure.usage("--authorized-on", "expected a day like 2026-03-01 (YYYY-MM-DD); got '"
                    + abbreviate(authorizedOn) + "'");
        }
        if (day.isAfter(today)) {
            throw CliFailure.usage("--authorized-on", "expected a day not after today (" + today + "); got " + day);
        }
        if (!day.plusMonths(12).isAfter(today)) {
            throw CliFailure.usage("--authorized-on", "expected a day within the last 12 months: an authorization of "
                    + day + " expired on " + day.plusMonths(12) + "; ask the seller to authorize you again");
        }
        return day;
    }

    /** From the environment for scripts, else asked without echo; never an argument, never echoed back. */
    private static String token(Terminal terminal) {
        Optional<String> fromEnv = terminal.env(TOKEN_ENV);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        char[] typed = terminal.readSecret("MWS Auth Token: ").orElseThrow(() -> CliFailure.usage("MWS Auth Token",
                "expected the token the seller was shown after authorizing you (amzn.mws....), typed at the prompt or"
                        + " in " + TOKEN_ENV + "; none was given"));
        try {
            return new String(typed).strip();
        } finally {
            Terminal.wipe(typed);
        }
    }

    /**
     * The marketplaces the seller participates in, asked with the new token. The client's listener marks a
     * refused seller in the store; a refused new token says nothing of the token stored before it, so that
     * record is put back as it was.
     */
    private static List<String> participations(MwsClient client, SellerAccess access, SellerCredentialStore store,
                                                Optional<StoredSeller> existing) {
        try {
            return client.sellers().listMarketplaceParticipations(access).stream()
                    .map(MarketplaceParticipation::marketplaceId).distinct().toList();
        } catch (MwsException e) {
            existing.filter(before -> !before.equals(store.get(before.sellerId()).orElse(null)))
                    .ifPresent(before -> store.update(before.toBuilder().build()));
            throw CliFailure.failed(e.getMessage() + ". Nothing was stored", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }
}
