package io.openmws.cli.sellers;

import io.openmws.cli.CliFailure;
import io.openmws.cli.Secrets;
import io.openmws.cli.Table;
import io.openmws.cli.config.Profile;
import io.openmws.sdk.store.SellerStatus;
import io.openmws.sdk.store.StoredSeller;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** How the verbs show a stored seller, and the flags of its authorization. */
final class SellerRecords {

    /** Under this many days left, a seller is asked to renew: MWS lets a seller renew from 30 days before expiry. */
    static final int RENEW_WITHIN_DAYS = 30;

    private SellerRecords() {
    }

    /** Today as the credential store counts it (UTC), so that the flags agree with its EXPIRED status. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Days from today to the expiry; 0 or less once expired. */
    static long daysLeft(StoredSeller seller) {
        return ChronoUnit.DAYS.between(today(), seller.expiresOn());
    }

    /** {@code ACCESS DENIED}, {@code EXPIRED}, {@code RENEW SOON} or {@code OK}, the worst first. */
    static String flag(StoredSeller seller) {
        if (seller.status() == SellerStatus.NEEDS_REAUTHORIZATION) {
            return "ACCESS DENIED";
        }
        long left = daysLeft(seller);
        if (seller.status() == SellerStatus.EXPIRED || left <= 0) {
            return "EXPIRED";
        }
        return left < RENEW_WITHIN_DAYS ? "RENEW SOON" : "OK";
    }

    /** The marketplace ids, space-separated (no comma, so that CSV needs no quotes). */
    static String marketplaces(StoredSeller seller) {
        return String.join(" ", seller.marketplaceIds());
    }

    /** One seller as a record: every field, the token masked, the status and why. */
    static Table record(StoredSeller s) {
        return Table.of(Table.column("sellerId", "Seller ID"), Table.column("name", "Name"),
                        Table.column("marketplaces", "Marketplaces"), Table.column("mwsAuthToken", "MWS Auth Token"),
                        Table.column("authorizedOn", "Authorized on"), Table.column("expiresOn", "Expires on"),
                        Table.column("daysLeft", "Days left"), Table.column("status", "Status"),
                        Table.column("statusReason", "Status reason"))
                .row(s.sellerId(), s.name(), marketplaces(s),
                        s.access().mwsAuthToken().map(Secrets::mask).orElse("(self-access)"),
                        s.authorizedOn().toString(), s.expiresOn().toString(), Long.toString(Math.max(0, daysLeft(s))),
                        flag(s), s.statusReason().orElse(null));
    }

    /** A stored seller, or exit 1 naming the profile. */
    static StoredSeller require(Profile profile, String sellerId) {
        return profile.store().get(sellerId).orElseThrow(() -> CliFailure.failed("no seller " + sellerId
                + " in profile " + profile.name() + " (see 'openmws sellers list')"));
    }
}
