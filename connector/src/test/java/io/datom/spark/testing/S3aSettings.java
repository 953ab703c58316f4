package io.datom.spark.testing;

import io.datom.core.testing.S3ProxyServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Hadoop S3A settings that reach a test {@link S3ProxyServer}: endpoint on 127.0.0.1, path style, its keys. */
public final class S3aSettings {

  private S3aSettings() {}

  /** The {@code fs.s3a.*} settings, by Hadoop key. */
  public static Map<String, String> of(S3ProxyServer s3) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.endpoint", s3.endpoint().toString());
    settings.put("fs.s3a.endpoint.region", S3ProxyServer.REGION);
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", s3.accessKey());
    settings.put("fs.s3a.secret.key", s3.secretKey());
    settings.put("fs.s3a.attempts.maximum", "2");
    settings.put("fs.s3a.retry.limit", "2");
    return settings;
  }

  /** A Hadoop configuration holding the settings. */
  public static Configuration configuration(S3ProxyServer s3) {
    Configuration conf = new Configuration();
    of(s3).forEach(conf::set);
    return conf;
  }
}
