package io.openmws.cli.doctor;

import io.openmws.cli.Cli;
import io.openmws.cli.ExitCode;
import io.openmws.cli.Table;
import io.openmws.cli.config.Profile;
import io.openmws.cli.config.ProfileSettings;
import io.openmws.cli.sellers.AuthorizationCheck;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.MwsException;
import io.openmws.sdk.ServiceStatus;
import io.openmws.sdk.store.StoredSeller;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code openmws doctor}: what stands between this machine and working calls, each with what to fix: the
 * profile, the endpoint, the clock, the access key, the service's status, and each stored seller's authorization.
 * One signed {@code GetServiceStatus} answers the first four; a check that cannot run because an earlier one
 * failed is {@code SKIPPED}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that calls can work, and say what to fix: the profile (and that its folder is"
                + " owner-only), the endpoint (reachable, in how long), this machine's clock against the endpoint's"
                + " (MWS refuses requests 15 minutes off), the access key, the service status, and each stored"
                + " seller's authorization (refused, or expiring within 30 days)."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no check FAILed (WARNs are worth reading)", "  1  at least one check FAILed",
            "",
            "Examples:",
            "  openmws doctor",
            "  openmws doctor --profile eu",
            "  openmws doctor --output json"})
public final class DoctorCommand implements Callable<Integer> {

    /** Skew worth a warning: the SDK corrects it once per refused call, at the price of a second request. */
    static final Duration SKEW_WARN = Duration.ofMinutes(5);
    /** Skew MWS refuses: a Timestamp more than 15 minutes off is {@code RequestExpired}. */
    static final Duration SKEW_FAIL = Duration.ofMinutes(15);
    /** An authorization expiring within this many days is worth a warning: the seller may renew from then on. */
    static final int RENEW_WITHIN_DAYS = 30;

    /** A check's result. */
    enum Result { OK, WARN, FAIL, SKIPPED }

    /** One line of the report. */
    private record Check(String name, Result result, String detail) {
    }

    @Spec
    private CommandSpec spec;

    private final List<Check> checks = new ArrayList<>();

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        run(cli);
        Table table = Table.of(Table.column("check", "CHECK"), Table.column("result", "RESULT"),
                Table.column("detail", "DETAIL"));
        checks.forEach(c -> table.row(c.name(), c.result().name(), c.detail()));
        cli.output().print(table);
        long failed = checks.stream().filter(c -> c.result() == Result.FAIL).count();
        long warned = checks.stream().filter(c -> c.result() == Result.WARN).count();
        cli.output().info(failed == 0 && warned == 0 ? "All checks passed."
                : failed + " failed, " + warned + " warning" + (warned == 1 ? "" : "s") + ": see DETAIL for what to fix.");
        return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private void run(Cli cli) {
        Profile profile = cli.profile();
        if (!profileConfigured(profile)) {
            skip("the profile is not configured", "endpoint", "clock", "access key", "service status", "sellers");
            return;
        }
        MwsClient client = cli.client();
        Instant sent = Instant.now();
        long started = System.nanoTime();
        ServiceStatus status;
        try {
            status = client.sellers().getServiceStatus();
        } catch (MwsException e) {
            failedCall(client, e, Duration.ofNanos(System.nanoTime() - started));
            return;
        }
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - started);
        add("endpoint", Result.OK, profile.requireSettings().endpoint() + " answered GetServiceStatus in "
                + roundTrip.toMillis() + " ms");
        clock(status.timestamp(), sent.plus(roundTrip.dividedBy(2)), roundTrip);
        add("access key", Result.OK, "the endpoint accepted a call signed with "
                + profile.requireCredentials().accessKeyId().value());
        serviceStatus(status);
        sellers(client, profile);
    }

    private boolean profileConfigured(Profile profile) {
        Optional<ProfileSettings> settings = profile.settings();
        String configure = "run 'openmws" + (profile.name().equals("default") ? "" : " --profile " + profile.name())
                + " configure'";
        if (settings.isEmpty()) {
            add("profile", Result.FAIL, "profile '" + profile.name() + "' is not configured: " + configure);
            return false;
        }
        // Read before the store is opened: opening it makes the folder owner-only again, hiding what was wrong.
        Optional<String> exposed = exposedPermissions(profile);
        if (profile.store().developerCredentials().isEmpty()) {
            add("profile", Result.FAIL, "profile '" + profile.name() + "' has no access key: " + configure);
            return false;
        }
        String where = "profile '" + profile.name() + "' in " + profile.dir() + ", endpoint " + settings.get().endpoint();
        if (exposed.isPresent()) {
            add("profile", Result.WARN, where + " was " + exposed.get() + ", readable by others: made owner-only"
                    + " (chmod 700 " + profile.dir() + ") now; check who could have copied keyset.json and the store");
        } else {
            add("profile", Result.OK, where + " (owner-only)");
        }
        return true;
    }

    /** The folder's permissions when others have any; empty when owner-only (or not a POSIX file system). */
    private static Optional<String> exposedPermissions(Profile profile) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(profile.dir());
            boolean others = permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
            return others ? Optional.of(PosixFilePermissions.toString(permissions)) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("unreadable (" + e.getMessage() + ")");
        }
    }

    /** The one call failed: tell no answer from a refused key from an answer that is not MWS. */
    private void failedCall(MwsClient client, MwsException e, Duration elapsed) {
        switch (e.kind()) {
            case COMMUNICATION, INTERRUPTED -> {
                add("endpoint", Result.FAIL, client.endpoint() + " did not answer (" + e.endpointMessage()
                        + "): check the URL with 'openmws configure --show', the network and any proxy");
                skip("the endpoint did not answer", "clock", "access key", "service status", "sellers");
            }
            case UNEXPECTED_RESPONSE, NOT_FOUND -> {
                add("endpoint", Result.FAIL, client.endpoint() + " answered, but not as an MWS endpoint (" + e.getMessage()
                        + "): check the URL with 'openmws configure --show'");
                skip("the endpoint is not an MWS endpoint", "clock", "access key", "service status", "sellers");
            }
            default -> {
                add("endpoint", Result.OK, client.endpoint() + " answered in " + elapsed.toMillis() + " ms");
                if (e.kind() == MwsException.Kind.REQUEST_EXPIRED) {
                    add("clock", Result.FAIL, "the endpoint refused the request's Timestamp as expired (" + e.getMessage()
                            + "): set your clock / enable NTP");
                } else {
                    add("clock", Result.SKIPPED, "the call failed, so the endpoint's time is unknown");
                }
                if (e.kind() == MwsException.Kind.SIGNATURE || e.kind() == MwsException.Kind.INVALID_ACCESS_KEY) {
                    add("access key", Result.FAIL, e.getMessage() + ": run 'openmws configure'");
                } else {
                    add("access key", Result.FAIL, e.getMessage());
                }
                skip("the signed call failed", "service status", "sellers");
            }
        }
    }

    private void clock(Instant endpointTime, Instant localMiddle, Duration roundTrip) {
        Duration skew = Duration.between(localMiddle, endpointTime);
        String said = "this machine is " + describe(skew) + " the endpoint (±" + roundTrip.dividedBy(2).toMillis() + " ms)";
        Result result = judgeSkew(skew, roundTrip);
        add("clock", result, switch (result) {
            case FAIL -> said + "; MWS refuses requests 15 minutes off: set your clock / enable NTP";
            case WARN -> said + "; over 5 minutes: set your clock / enable NTP";
            default -> said;
        });
    }

    /**
     * How bad a skew is. The endpoint read its clock at some moment of the round trip; measured against the
     * round trip's middle, at most half the round trip is unknown, and that much is granted before judging.
     *
     * @param skew the endpoint's time minus this machine's, at the middle of the round trip
     * @param roundTrip the call's round trip
     * @return FAIL beyond {@link #SKEW_FAIL}, WARN beyond {@link #SKEW_WARN}, else OK
     */
    static Result judgeSkew(Duration skew, Duration roundTrip) {
        Duration beyondUncertainty = skew.abs().minus(roundTrip.dividedBy(2));
        if (beyondUncertainty.compareTo(SKEW_FAIL) > 0) {
            return Result.FAIL;
        }
        return beyondUncertainty.compareTo(SKEW_WARN) > 0 ? Result.WARN : Result.OK;
    }

    private static String describe(Duration skew) {
        Duration abs = skew.abs();
        String amount = abs.compareTo(Duration.ofSeconds(1)) < 0 ? abs.toMillis() + " ms"
                : abs.toSeconds() + " s";
        // skew = endpoint - local: a positive skew means this machine is behind.
        return skew.isZero() ? "in step with" : amount + (skew.isNegative() ? " ahead of" : " behind");
    }

    /** GREEN is OK; anything else (GREEN_I included: the service has something to say) is a WARN with its messages. */
    private void serviceStatus(ServiceStatus status) {
        String messages = status.messages().stream().map(ServiceStatus.Message::text).collect(Collectors.joining(" "));
        if (status.status() == ServiceStatus.Status.GREEN) {
            add("service status", Result.OK, "GREEN" + (messages.isEmpty() ? "" : ": " + messages));
        } else {
            add("service status", Result.WARN, status.status() + (messages.isEmpty() ? "" : ": " + messages)
                    + (status.isOperational() ? "" : "; calls may fail or be slow until it is GREEN again"));
        }
    }

    private void sellers(MwsClient client, Profile profile) {
        List<StoredSeller> sellers = profile.store().list();
        if (sellers.isEmpty()) {
            add("sellers", Result.OK, "none stored; add one with 'openmws sellers add'");
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (AuthorizationCheck.Result r : new AuthorizationCheck(client, profile.store()).run(sellers)) {
            StoredSeller s = r.seller();
            String name = "seller " + s.sellerId() + (s.name().equals(s.sellerId()) ? "" : " (" + s.name() + ")");
            long left = ChronoUnit.DAYS.between(today, s.expiresOn());
            switch (r.outcome()) {
                case ACCESS_DENIED -> add(name, Result.FAIL, r.detail() + ": ask the seller to authorize you again,"
                        + " then 'openmws sellers add --seller-id " + s.sellerId() + " ... --replace'");
                case FAILED -> add(name, Result.FAIL, r.detail());
                case OK -> {
                    if (left <= 0) {
                        add(name, Result.WARN, "the endpoint still accepts the token, but the stored authorization"
                                + " expired on " + s.expiresOn() + ": ask the seller to renew it, then 'openmws sellers add"
                                + " --seller-id " + s.sellerId() + " ... --authorized-on DAY --replace'");
                    } else if (left < RENEW_WITHIN_DAYS) {
                        add(name, Result.WARN, "authorized; expires on " + s.expiresOn() + " (" + left
                                + " days left): ask the seller to renew the authorization in Seller Central");
                    } else {
                        add(name, Result.OK, "authorized until " + s.expiresOn()
                                + (r.detail().isEmpty() ? "" : "; " + r.detail()));
                    }
                }
            }
        }
    }

    private void add(String name, Result result, String detail) {
        checks.add(new Check(name, result, detail));
    }

    private void skip(String why, String... names) {
        for (String n : names) {
            add(n, Result.SKIPPED, why);
        }
    }
}
