package io.datom.core.write;

import io.datom.core.repo.GitCredentials;
import io.datom.core.repo.GitIdentity;
import io.datom.core.repo.RemoteUrls;
import io.datom.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a writer needs to reach a project: its git remote and data store, plus how to behave. Immutable; build
 * with {@link #builder(String, Store)}.
 */
public final class WriterOptions {

  private final String remoteUrl;
  private final Store store;
  private final GitCredentials credentials;
  private final GitIdentity author;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final WriteObserver observer;
  private final Path workDir;

  private WriterOptions(Builder b) {
    this.remoteUrl = b.remoteUrl;
    this.store = b.store;
    this.credentials = b.credentials != null ? b.credentials : GitCredentials.resolve(null);
    this.author = b.author;
    this.clock = b.clock;
    this.retryPolicy = b.retryPolicy;
    this.observer = b.observer;
    this.workDir = b.workDir;
  }

  /**
   * Options for the project whose data repository is at {@code remoteUrl} and whose data store is {@code store}. The
   * store stays the caller's to close.
   *
   * @throws io.datom.core.exceptions.CredentialsInUrlException if {@code remoteUrl} carries credentials: pass the
   *     token with {@link Builder#credentials} instead
   */
  public static Builder builder(String remoteUrl, Store store) {
    return new Builder(remoteUrl, store);
  }

  /** The data repository's git remote. */
  public String remoteUrl() {
    return remoteUrl;
  }

  /** The project's data store. */
  public Store store() {
    return store;
  }

  /** The HTTPS token for the remote. */
  public GitCredentials credentials() {
    return credentials;
  }

  /** The author of commits and history entries; empty means the clone's git identity, as R uses. */
  public Optional<GitIdentity> author() {
    return Optional.ofNullable(author);
  }

  /** The clock for every timestamp written; its zone is the "local time" of project creation (format §1.2, §3.3). */
  public Clock clock() {
    return clock;
  }

  /** How rejected pushes are retried. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Who is told about each step of each write. */
  public WriteObserver observer() {
    return observer;
  }

  /** The directory under which the writer makes its temporary clone. */
  public Path workDir() {
    return workDir;
  }

  /** Builds {@link WriterOptions}; every setting but the remote and the store has a default. */
  public static final class Builder {
    private final String remoteUrl;
    private final Store store;
    private GitCredentials credentials;
    private GitIdentity author;
    private Clock clock = Clock.systemDefaultZone();
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private WriteObserver observer = WriteObserver.NONE;
    private Path workDir = Path.of(System.getProperty("java.io.tmpdir"));

    private Builder(String remoteUrl, Store store) {
      this.remoteUrl = RemoteUrls.requireNoCredentials(Objects.requireNonNull(remoteUrl, "remoteUrl"),
          RemoteUrls.CORE_TOKEN_SETTINGS);
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The token for the remote; default: {@code DATOM_GIT_TOKEN}, else {@code GITHUB_PAT}, else none. */
    public Builder credentials(GitCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** The author of commits and history entries; default: the git identity of the clone (global git config). */
    public Builder author(GitIdentity author) {
      this.author = Objects.requireNonNull(author, "author");
      return this;
    }

    /** The clock; default: the system clock in the system's zone. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The retry policy for rejected pushes; default {@link RetryPolicy#DEFAULT}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** The observer of write steps; default none. */
    public Builder observer(WriteObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** Where temporary clones go; default {@code java.io.tmpdir}. */
    public Builder workDir(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
      return this;
    }

    /** The options. */
    public WriterOptions build() {
      return new WriterOptions(this);
    }
  }
}
