package io.datom.core;

import io.datom.core.internal.repo.LocalRemote;
import io.datom.core.internal.repo.RemoteUrls;
import io.datom.core.internal.write.ClonePool;
import io.datom.core.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a writer needs to reach a project: its git remote and data store, plus how to behave. Immutable; build
 * with {@link #builder(String, Store)}.
 */
public final class WriterOptions {

  /** How long a kept clone nobody uses survives by default: one hour. */
  public static final Duration DEFAULT_CLONE_MAX_IDLE = Duration.ofHours(1);

  private final String remoteUrl;
  private final Store store;
  private final GitCredentials credentials;
  private final GitIdentity author;
  private final Clock clock;
  private final RetryPolicy retryPolicy;
  private final WriteObserver observer;
  private final Path workDir;
  private final Duration cloneMaxIdle;
  private final int packLimit;

  private WriterOptions(Builder b) {
    this.remoteUrl = b.remoteUrl;
    this.store = b.store;
    this.credentials = b.credentials != null ? b.credentials : GitCredentials.resolve(null);
    this.author = b.author;
    this.clock = b.clock;
    this.retryPolicy = b.retryPolicy;
    this.observer = b.observer;
    this.workDir = b.workDir;
    this.cloneMaxIdle = b.cloneMaxIdle;
    this.packLimit = b.packLimit;
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

  /** The kept clones of the remote under the work directory. */
  ClonePool clonePool() {
    return ClonePool.of(workDir, remoteUrl, credentials.remote(), cloneMaxIdle);
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

  /**
   * The directory under which writers keep their clones of the data repository ({@code datom-clones/}), shared by
   * every writer on this machine that uses it.
   */
  public Path workDir() {
    return workDir;
  }

  /**
   * How long a kept clone that no writer uses survives: a later writer deletes it after that, whether its last writer
   * closed or died.
   */
  public Duration cloneMaxIdle() {
    return cloneMaxIdle;
  }

  /**
   * How many packs a clone, or a local ({@code file://}) remote, may gather before the writer repacks it. Not a
   * user setting: tests lower it to make repacks happen often.
   */
  int packLimit() {
    return packLimit;
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
    private Duration cloneMaxIdle = DEFAULT_CLONE_MAX_IDLE;
    private int packLimit = LocalRemote.DEFAULT_PACK_LIMIT;

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

    /**
     * Where clones are kept; default {@code java.io.tmpdir}. Writers that share it share their clones; it should be
     * on a local disk.
     */
    public Builder workDir(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
      return this;
    }

    /**
     * How long a kept clone nobody uses survives before a later writer deletes it; default
     * {@link #DEFAULT_CLONE_MAX_IDLE}. A longer time saves a full clone for writers that come back less often, at the
     * cost of the disk the clones hold.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder cloneMaxIdle(Duration cloneMaxIdle) {
      if (Objects.requireNonNull(cloneMaxIdle, "cloneMaxIdle").isNegative()) {
        throw new IllegalArgumentException("cloneMaxIdle must not be negative: " + cloneMaxIdle);
      }
      this.cloneMaxIdle = cloneMaxIdle;
      return this;
    }

    /** For tests: how many packs a clone or a local remote may gather before a writer repacks it. */
    Builder packLimit(int packLimit) {
      this.packLimit = packLimit;
      return this;
    }

    /** The options. */
    public WriterOptions build() {
      return new WriterOptions(this);
    }
  }
}
