package io.openmws.server.support;

import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The one {@link BlobStore} of the platform, as {@code openmws.storage.type} says. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(StorageProperties storage, JdbcClient jdbc, PlatformTransactionManager transactions)
            throws IOException {
        return switch (storage.type()) {
            case FILES -> new FileBlobStore(storage.directory());
            case DATABASE -> new DatabaseBlobStore(jdbc, transactions);
        };
    }
}
