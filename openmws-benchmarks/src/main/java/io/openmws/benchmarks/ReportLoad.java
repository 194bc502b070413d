package io.openmws.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed calls of the report benchmark ({@code bench/reports/run.sh}, see BENCHMARKS.md), against
 * a running platform in sandbox mode. Verbs:
 *
 * <ul>
 *   <li>{@code setup}: as {@link FeedLoad}'s: a US seller and an authorized developer, throttling off;
 *       prints {@code KEY=value} lines for the shell.</li>
 *   <li>{@code request TYPE}: RequestReport for the US marketplace; prints the ReportRequestId.</li>
 *   <li>{@code request-await TYPE}: RequestReport, then GetReportRequestList for that id every 50 ms until
 *       it is {@code _DONE_}; prints the ReportRequestId, the GeneratedReportId and the milliseconds from
 *       sending RequestReport to the answer that shows it done (what a client waits).</li>
 *   <li>{@code download REPORT_ID FILE|-}: GetReport, streamed into FILE (or, for {@code -}, counted and
 *       dropped), its Content-MD5 checked on the way; prints the bytes, the seconds and the MiB/s.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp openmws-benchmarks/target/benchmarks.jar io.openmws.benchmarks.ReportLoad
 * BASE_URL VERB [ARGS...]}; {@code setup} also needs the operator token in {@code OPERATOR_TOKEN}.
 */
public final class ReportLoad {

    private static final Pattern REQUEST_ID = Pattern.compile("<ReportRequestId>(\\d+)</ReportRequestId>");
    private static final Pattern STATUS = Pattern.compile("<ReportProcessingStatus>(\\w+)</ReportProcessingStatus>");
    private static final Pattern GENERATED = Pattern.compile("<GeneratedReportId>(\\d+)</GeneratedReportId>");
    private static final String REPORTS_PATH = "/Reports/2009-01-01";
    private static final String USER_AGENT = "ReportLoad/1.0 (Language=Java/" + System.getProperty("java.version") + ")";

    private final PlatformCalls calls;

    private ReportLoad(String base) {
        this.calls = new PlatformCalls(base);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReportLoad BASE_URL setup | request TYPE | request-await TYPE | download REPORT_ID FILE|-");
            System.exit(2);
        }
        ReportLoad load = new ReportLoad(args[0]);
        switch (args[1]) {
            case "setup" -> load.calls.setup(System.getenv("OPERATOR_TOKEN"), "Report Bench");
            case "request" -> System.out.println(load.request(args[2]));
            case "request-await" -> load.requestAndAwait(args[2]);
            case "download" -> load.download(args[2], args[3]);
            default -> {
                System.err.println("unknown verb " + args[1]);
                System.exit(2);
            }
        }
    }

    private String request(String reportType) throws Exception {
        Map<String, String> params = calls.signedParams("RequestReport", "2009-01-01", "Merchant");
        params.put("ReportType", reportType);
        params.put("MarketplaceIdList.Id.1", "ATVPDKIKX0DER");
        HttpResponse<String> r = calls.post(REPORTS_PATH, params, USER_AGENT);
        Matcher m = REQUEST_ID.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("RequestReport answered HTTP " + r.statusCode() + "\n" + r.body());
        }
        return m.group(1);
    }

    private void requestAndAwait(String reportType) throws Exception {
        calls.post(REPORTS_PATH, calls.signedParams("GetServiceStatus", "2009-01-01", "Merchant"), USER_AGENT);
        long start = System.nanoTime();
        String requestId = request(reportType);
        while (true) {
            Map<String, String> params = calls.signedParams("GetReportRequestList", "2009-01-01", "Merchant");
            params.put("ReportRequestIdList.Id.1", requestId);
            HttpResponse<String> r = calls.post(REPORTS_PATH, params, USER_AGENT);
            Matcher status = STATUS.matcher(r.body());
            if (r.statusCode() != 200 || !status.find()) {
                throw new IllegalStateException("GetReportRequestList answered HTTP " + r.statusCode() + "\n" + r.body());
            }
            switch (status.group(1)) {
                case "_DONE_" -> {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    Matcher report = GENERATED.matcher(r.body());
                    if (!report.find()) {
                        throw new IllegalStateException("_DONE_ without a GeneratedReportId\n" + r.body());
                    }
                    System.out.println(requestId + " " + report.group(1) + " " + millis);
                    return;
                }
                case "_SUBMITTED_", "_IN_PROGRESS_" -> Thread.sleep(50);
                default -> throw new IllegalStateException("Report request " + requestId + " ended " + status.group(1));
            }
        }
    }

    private void download(String reportId, String file) throws Exception {
        Map<String, String> params = calls.signedParams("GetReport", "2009-01-01", "Merchant");
        params.put("ReportId", reportId);
        long start = System.nanoTime();
        HttpResponse<InputStream> r = calls.http.send(HttpRequest.newBuilder(URI.create(calls.base + REPORTS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(calls.sign(REPORTS_PATH, params))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = PlatformCalls.md5Digest();
        long bytes;
        try (InputStream body = new DigestInputStream(r.body(), digest);
             OutputStream out = "-".equals(file) ? OutputStream.nullOutputStream() : Files.newOutputStream(Path.of(file))) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GetReport answered HTTP " + r.statusCode() + "\n"
                        + new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            bytes = body.transferTo(out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String expected = r.headers().firstValue("Content-MD5").orElse("");
        String actual = Base64.getEncoder().encodeToString(digest.digest());
        if (!expected.equals(actual)) {
            throw new IllegalStateException("Content-MD5 " + expected + " but the report's MD5 is " + actual);
        }
        System.out.printf("%d %.2f %.0f%n", bytes, seconds, bytes / seconds / (1 << 20));
    }
}
