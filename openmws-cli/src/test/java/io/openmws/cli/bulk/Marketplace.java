package io.openmws.cli.bulk;

import io.openmws.cli.CliRunner;
import io.openmws.sdk.DeveloperCredentials;
import io.openmws.sdk.FeedSubmissionInfo;
import io.openmws.sdk.MwsClient;
import io.openmws.sdk.ProcessingReport;
import io.openmws.sdk.SellerAccess;
import io.openmws.testkit.Sandbox;
import io.openmws.testkit.SandboxAuthorization;
import io.openmws.testkit.SandboxDeveloper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The world a bulk-verb test runs in: a developer on the sandbox platform with throttling off, sellers who
 * authorized it, the CLI configured for it under the test's home and those sellers in its store, and the
 * platform's simulated buyers (through its control API) and the sellers' own feeds (through the SDK) to make
 * listings and orders.
 */
final class Marketplace {

    static final String US = "ATVPDKIKX0DER";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sandbox sandbox;
    private final SandboxDeveloper developer;
    private final MwsClient client;
    private final CliRunner cli;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A new developer and a CLI configured for it with {@code configure --from-env}. */
    Marketplace(Sandbox sandbox, Path home) {
        this.sandbox = sandbox;
        this.developer = sandbox.newDeveloper();
        sandbox.throttling(developer, false);
        this.client = MwsClient.builder().endpoint(sandbox.baseUrl())
                .credentials(DeveloperCredentials.of(developer.accessKeyId(), developer.secretKey()))
                .application("BulkTest", "1.0").build();
        this.cli = new CliRunner(home);
        cli.configure(sandbox, developer);
    }

    CliRunner cli() {
        return cli;
    }

    /** The developer the CLI is configured for. */
    SandboxDeveloper developer() {
        return developer;
    }

    /** A new US seller who authorized the developer, stored in the CLI's default profile. */
    SandboxAuthorization newStoredSeller() {
        SandboxAuthorization a = sandbox.authorize(sandbox.newSeller(US), developer);
        cli.storeSeller(a);
        return a;
    }

    /** The SDK's access for a seller (to prepare and check what the CLI did). */
    static SellerAccess access(SandboxAuthorization a) {
        return SellerAccess.of(a.sellerId(), a.mwsAuthToken(), List.of(US));
    }

    MwsClient client() {
        return client;
    }

    /** A product in the seller's catalog (no offer yet): a product feed, awaited. */
    void product(SandboxAuthorization seller, String sku) {
        feed(seller, "_POST_PRODUCT_DATA_", productFeed(seller.sellerId(), sku));
    }

    /** A live listing: the product, then a price and quantity that put it on sale. */
    void liveListing(SandboxAuthorization seller, String sku, String price, int quantity) {
        product(seller, sku);
        feed(seller, "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_",
                "sku\tprice\tquantity\n" + sku + "\t" + price + "\t" + quantity + "\n");
    }

    private void feed(SandboxAuthorization seller, String type, String body) {
        FeedSubmissionInfo info = client.feeds().submit(access(seller), type,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        ProcessingReport report = client.feeds().awaitResult(access(seller), info.feedSubmissionId(), Duration.ofMinutes(2));
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("The feed " + type + " failed: " + report.results());
        }
    }

    static String productFeed(String sellerId, String sku) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">"
                + "<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>" + sellerId
                + "</MerchantIdentifier></Header><MessageType>Product</MessageType>"
                + "<Message><MessageID>1</MessageID><OperationType>Update</OperationType><Product><SKU>" + sku
                + "</SKU><StandardProductID><Type>UPC</Type><Value>012345678905</Value></StandardProductID>"
                + "<DescriptionData><Title>Wooden train " + sku + "</Title><Brand>Acme</Brand></DescriptionData>"
                + "</Product></Message></AmazonEnvelope>\n";
    }

    /** A buyer orders {@code quantity} units of the SKU; answers the AmazonOrderId. */
    String placeOrder(SandboxAuthorization seller, String sku, int quantity) {
        return control("POST", "/sandbox/v1/sellers/" + seller.sellerId() + "/orders", "{\"marketplaceId\":\"" + US
                + "\",\"items\":[{\"sku\":" + JSON.writeValueAsString(sku) + ",\"quantity\":" + quantity + "}]}")
                .get("amazonOrderId").asString();
    }

    /** The buyer cancels the order before it ships. */
    void cancelOrder(SandboxAuthorization seller, String amazonOrderId) {
        control("POST", "/sandbox/v1/sellers/" + seller.sellerId() + "/orders/" + amazonOrderId + "/cancel", "{}");
    }

    private JsonNode control(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + sandbox.operatorToken()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }
}
