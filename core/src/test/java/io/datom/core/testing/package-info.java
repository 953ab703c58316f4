/**
 * Real servers for tests, shared with the connector through core's test-jar.
 *
 * <ul>
 *   <li>{@link io.datom.core.testing.S3ProxyServer}: s3proxy in a child JVM; inject a run-wide instance with
 *       {@code @ExtendWith(S3ProxyExtension.class)} and an {@code S3ProxyServer} parameter, then
 *       {@code createBucket()} and {@code storeConfig(bucket)}.
 *   <li>{@link io.datom.core.testing.BareGitRemote#createTemp()}: a bare repository reached by a {@code file://} URL.
 *   <li>{@link io.datom.core.testing.GitHttpServer#start(String)}: JGit's smart-HTTP server requiring user
 *       {@code git} with a token; {@code createRepository(name)} returns a {@code BareGitRemote} with an HTTP URL.
 *   <li>{@link io.datom.core.testing.CountingStore}: a store that counts the requests made to it.
 * </ul>
 */
package io.datom.core.testing;
