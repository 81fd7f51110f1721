package it.io.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the test server keeps in object storage, looked at from outside it. */
final class StoredObjects {

    private StoredObjects() {
    }

    /** Where the import's upload was stored (null once it is gone). */
    static String uploadOf(String jobId) throws Exception {
        try (Connection db = Api.database(false);
                PreparedStatement query = db.prepareStatement("SELECT source_object FROM job WHERE id = CAST(? AS uuid)")) {
            query.setString(1, jobId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    /** Is {@code key} in the test server's object storage? Asked with the dev services' credentials. */
    static boolean exists(String key) throws Exception {
        Map<String, String> env = services();
        try {
            client(env).statObject(StatObjectArgs.builder().bucket(env.get("CONVERSA_S3_BUCKET")).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if (e.errorResponse().code().equals("NoSuchKey")) {
                return false;
            }
            throw e;
        }
    }

    /** The keys in the test server's object storage that start with {@code prefix}. */
    static List<String> under(String prefix) throws Exception {
        Map<String, String> env = services();
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : client(env).listObjects(ListObjectsArgs.builder().bucket(env.get("CONVERSA_S3_BUCKET"))
                .prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    private static Map<String, String> services() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("it.data.dir"), "dev-services.env")).stream()
                .filter(l -> l.contains("=")).collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                        l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
    }

    private static MinioClient client(Map<String, String> env) {
        return MinioClient.builder().endpoint(env.get("CONVERSA_S3_ENDPOINT"))
                .credentials(env.get("CONVERSA_S3_ACCESS_KEY"), env.get("CONVERSA_S3_SECRET_KEY")).build();
    }
}
