/**
 * The multi-seller credential store: {@link io.openmws.sdk.store.SellerCredentialStore} and its JDBC
 * implementation {@link io.openmws.sdk.store.JdbcSellerCredentialStore} (H2 file by default, PostgreSQL by
 * URL, its own Flyway migrations), holding {@link io.openmws.sdk.store.StoredSeller}s with their MWS Auth
 * Tokens encrypted by a Tink AEAD keyset.
 */
package io.openmws.sdk.store;
