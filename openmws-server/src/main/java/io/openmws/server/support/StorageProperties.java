package io.openmws.server.support;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the {@link BlobStore} keeps feed bodies, processing reports and reports ({@code openmws.storage.*}).
 *
 * @param type      {@code files} (the default: one node, files under {@code directory}) or {@code database}
 *                  (table {@code blob_chunk}: every node on one PostgreSQL shares it)
 * @param directory the folder of the {@code files} store (default {@code ./data/blobs})
 */
@ConfigurationProperties("openmws.storage")
public record StorageProperties(@DefaultValue("files") Type type, @DefaultValue("./data/blobs") Path directory) {

    /** The kinds of store. */
    public enum Type {
        FILES,
        DATABASE
    }
}
