package io.datom.core.store;

import io.datom.core.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3SmokeTest {
  @Test
  void smoke(@TempDir Path tmp) throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start()) {
      String bucket = s3.createBucket();
      try (S3Store store = new S3Store(s3.storeConfig(bucket).prefix("/trial/").multipart(5<<20, 5<<20).build())) {
        store.writeJson("a/b.json", "{\"x\": 1}");
        System.out.println(new String(store.read("a/b.json").get()));
        System.out.println(store.exists("a/b.json") + " " + store.exists("nope") + " " + store.size("a/b.json"));
        Path f = tmp.resolve("f.parquet");
        Files.write(f, new byte[1000]);
        System.out.println(store.putIfAbsent("dm/x.parquet", f) + " " + store.putIfAbsent("dm/x.parquet", f));
        System.out.println(s3.client().headObject(b -> b.bucket(bucket).key("trial/datom/dm/x.parquet")).contentType());
        System.out.println(s3.client().headObject(b -> b.bucket(bucket).key("trial/datom/a/b.json")).contentType());
        Path big = tmp.resolve("big.parquet");
        byte[] bytes = new byte[11 << 20];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(big, bytes);
        System.out.println(store.putIfAbsent("dm/big.parquet", big) + " " + store.putIfAbsent("dm/big.parquet", big));
        System.out.println(java.util.Arrays.equals(bytes, store.read("dm/big.parquet").get()));
        System.out.println(store.list(""));
      }
    }
  }
}
