package io.openmws.sdk;

import io.openmws.testkit.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's simulated buyers, through the platform's control API (the calls the testkit does not wrap),
 * and the seller's live listing they buy, made with the seller's own feeds through the SDK.
 */
final class Buyers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sandbox sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    Buyers(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A live listing: a product feed creates the SKU, a price and quantity feed puts it on sale. */
    static void liveListing(MwsClient client, SellerAccess seller, String sku, String price, int quantity) throws IOException {
        Path products = Files.createTempFile("openmws-products-", ".xml");
        Path offer = Files.createTempFile("openmws-offer-", ".txt");
        try {
            Files.writeString(products, FeedsApiTest.productFeed(seller.sellerId().value(), sku, ""), StandardCharsets.UTF_8);
            Files.writeString(offer, "sku\tprice\tquantity\n" + sku + "\t" + price + "\t" + quantity + "\n",
                    StandardCharsets.UTF_8);
            for (Object[] feed : new Object[][] {{"_POST_PRODUCT_DATA_", products},
                {"_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_", offer}}) {
                FeedSubmissionInfo info = client.feeds().submit(seller, (String) feed[0], (Path) feed[1]);
                ProcessingReport report = client.feeds().awaitResult(seller, info.feedSubmissionId(), Duration.ofMinutes(5));
                if (!report.errors().isEmpty()) {
                    throw new IllegalStateException("The feed " + feed[0] + " failed: " + report.results());
                }
            }
        } finally {
            Files.deleteIfExists(products);
            Files.deleteIfExists(offer);
        }
    }

    /** A buyer orders {@code quantity} units of the SKU; answers the order as the control API shows it. */
    JsonNode place(String sellerId, String marketplaceId, String sku, int quantity) {
        return call("POST", "/sandbox/v1/sellers/" + sellerId + "/orders", "{\"marketplaceId\":\"" + marketplaceId
                + "\",\"items\":[{\"sku\":" + JSON.writeValueAsString(sku) + ",\"quantity\":" + quantity + "}]}");
    }

    /** The buyer cancels the order before it ships. */
    JsonNode cancel(String sellerId, String amazonOrderId) {
        return call("POST", "/sandbox/v1/sellers/" + sellerId + "/orders/" + amazonOrderId + "/cancel", "{}");
    }

    /** The buyer returns every shipped unit of the order for a refund. */
    JsonNode refund(String sellerId, String amazonOrderId) {
        return call("POST", "/sandbox/v1/sellers/" + sellerId + "/orders/" + amazonOrderId + "/refund", "{}");
    }

    /** The order as the control API shows it. */
    JsonNode order(String sellerId, String amazonOrderId) {
        return call("GET", "/sandbox/v1/sellers/" + sellerId + "/orders/" + amazonOrderId, null);
    }

    /** Waits (up to a minute) until the platform's background work made the condition true. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }

    private JsonNode call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + sandbox.operatorToken()).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
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
