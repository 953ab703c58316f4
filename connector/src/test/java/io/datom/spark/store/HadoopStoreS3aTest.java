package io.datom.spark.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datom.core.exceptions.StoreObjectNotFoundException;
import io.datom.core.store.StoreLocation;
import io.datom.core.testing.S3ProxyExtension;
import io.datom.core.testing.S3ProxyServer;
import io.datom.spark.testing.S3aSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(S3ProxyExtension.class)
class HadoopStoreS3aTest {

  @TempDir Path dir;

  @Test
  void describesAnS3StoreAsBucketAndPrefix(S3ProxyServer s3) {
    String bucket = s3.createBucket();
    HadoopStore store = HadoopStore.at("s3a://" + bucket + "/trial/", S3aSettings.configuration(s3));
    assertEquals(StoreLocation.s3(bucket, "trial", null), store.location());
    assertEquals("s3a://" + bucket + "/trial/datom/dm/x.parquet", store.pathOf("dm/x.parquet").toString());
  }

  @Test
  void s3JsonHasNoTrailingNewline(S3ProxyServer s3) {
    String bucket = s3.createBucket();
    HadoopStore store = HadoopStore.at("s3a://" + bucket + "/trial", S3aSettings.configuration(s3));
    store.writeJson(".metadata/manifest.json", "{\n  \"a\": 1\n}");
    byte[] raw =
        s3.client().getObjectAsBytes(b -> b.bucket(bucket).key("trial/datom/.metadata/manifest.json")).asByteArray();
    assertArrayEquals("{\n  \"a\": 1\n}".getBytes(StandardCharsets.UTF_8), raw);
    assertArrayEquals(raw, store.read(".metadata/manifest.json").orElseThrow());
  }

  @Test
  void putIfAbsentListAndDeleteOverS3a(S3ProxyServer s3) throws IOException {
    String bucket = s3.createBucket();
    HadoopStore store = HadoopStore.at("s3a://" + bucket, S3aSettings.configuration(s3));
    Path bytes = Files.writeString(dir.resolve("p"), "parquet bytes");
    assertTrue(store.putIfAbsent("ADSL (v2)/abc.parquet", bytes));
    assertFalse(store.putIfAbsent("ADSL (v2)/abc.parquet", Files.writeString(dir.resolve("q"), "other")));
    try (InputStream in = store.open("ADSL (v2)/abc.parquet")) {
      assertEquals("parquet bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(Optional.of(13L), store.size("ADSL (v2)/abc.parquet"));
    assertEquals(List.of("ADSL (v2)/abc.parquet"), store.list("ADSL (v2)/"));
    store.delete("ADSL (v2)/abc.parquet");
    assertFalse(store.exists("ADSL (v2)/abc.parquet"));
    assertEquals(Optional.empty(), store.read("dm/.metadata/metadata.json"));
    assertThrows(StoreObjectNotFoundException.class, () -> store.open("dm/nothing.parquet"));
  }
}
