package io.datom.core;

import io.datom.core.exceptions.CopyVerificationException;
import io.datom.core.exceptions.DataRepoException;
import io.datom.core.exceptions.NotADatomRepositoryException;
import io.datom.core.exceptions.StoreMismatchException;
import io.datom.core.exceptions.WriteInterruptedException;
import io.datom.core.internal.format.ProjectConfig;
import io.datom.core.internal.format.ProjectLayout;
import io.datom.core.internal.repo.CommitIdentity;
import io.datom.core.internal.repo.PushOutcome;
import io.datom.core.store.Store;
import io.datom.core.store.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Points a project's data repository at another data store: R's {@code datom_repo_set_data_store}. It rewrites
 * {@code .datom/project.yaml} changing only {@code storage.data} (R's {@code modifyList}: {@code type}, {@code root},
 * {@code prefix} and, for S3, {@code region} change in place; a null prefix removes the key; a {@code region} left
 * from an S3 store stays when the destination is local), writes it as R's {@code yaml::write_yaml} does, and commits
 * it alone with R's message {@code Update data store: {project_name}}, then pushes. R and Spark readers that open the
 * project from its repository then find it at the destination.
 *
 * <p>Run it after the copy verified ({@link CopyVerification#requirePassed()}); it checks again itself that the
 * destination holds everything git records. It is idempotent: when
 * {@code project.yaml} already names the destination nothing is committed. A push rejected because another writer
 * pushed first is retried from the new head within the options' {@link RetryPolicy}.
 */
public final class DataStoreSwitch {

  private DataStoreSwitch() {}

  /** Switches to {@code destination} as its {@link Store#location()} names it, with R's commit message. */
  public static SwitchResult apply(WriterOptions options, Store destination) {
    return apply(options, destination, destination.location(), null);
  }

  /**
   * Switches the data store of the project at {@code options.remoteUrl()} from {@code options.store()} (which
   * {@code project.yaml} must name, as for a write) to {@code destination}, after checking that the destination
   * agrees with the repository's latest commit as {@link ProjectValidator} checks a store (manifest, every table's
   * current metadata, snapshot and history, every object a history names): a write that reached git after the copy
   * was planned makes the switch refuse, so that git never points at a store that lacks a version.
   *
   * @param recordedAs how {@code project.yaml} records the destination; differs from {@code destination.location()}
   *     when the store cannot know it, e.g. the region of an {@code s3a://} path
   * @param message the commit message, or {@code null} for R's
   * @throws IllegalArgumentException if the destination is not a store R can open (local with an absolute root, or
   *     S3 with a region)
   * @throws CopyVerificationException if the destination does not hold what the repository's latest commit records
   *     (copy again, then switch)
   * @throws StoreMismatchException if {@code project.yaml} names neither the source nor the destination
   * @throws NotADatomRepositoryException if the repository has no {@code project.yaml}
   * @throws DataRepoException if the push kept being rejected until the retry deadline
   */
  public static SwitchResult apply(WriterOptions options, Store destination, StoreLocation recordedAs,
      String message) {
    Objects.requireNonNull(destination, "destination");
    requireOpenableByR(Objects.requireNonNull(recordedAs, "recordedAs"));
    try (ProjectCheckout checkout = ProjectCheckout.cloneWhereverStored(options)) {
      CommitIdentity author = options.author().map(GitIdentity::commitIdentity)
          .orElseGet(() -> checkout.repo().identity());
      long started = System.nanoTime();
      for (int attempt = 1; ; attempt++) {
        String yaml = checkout.repo().readFile(ProjectLayout.PROJECT_FILE)
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .orElseThrow(() -> new NotADatomRepositoryException(checkout.remote()));
        ProjectConfig config = ProjectConfig.parse(yaml, ProjectLayout.PROJECT_FILE + " of " + checkout.remote());
        String switched = config.withDataStore(recordedAs).toYaml();
        String head = checkout.repo().headSha().orElseThrow();
        if (switched.equals(yaml)) {
          return new SwitchResult(config.projectName(), head, false, yaml);
        }
        StoreLocation source = options.store().location();
        if (!config.locates(source)) {
          throw new StoreMismatchException(config.dataRoot().orElse(source.root()), config.dataPrefix(),
              source.root(), Optional.ofNullable(source.prefix()));
        }
        requireComplete(checkout, destination, head);
        checkout.writeFile(ProjectLayout.PROJECT_FILE, switched);
        String commit = checkout.repo().commit(List.of(ProjectLayout.PROJECT_FILE),
            message != null ? message : "Update data store: " + config.projectName(), author);
        if (checkout.repo().push() == PushOutcome.OK) {
          return new SwitchResult(config.projectName(), commit, true, switched);
        }
        backOff(options.retryPolicy(), attempt, started, checkout.remote());
        checkout.repo().resetToRemote();
      }
    }
  }

  /**
   * Whether the project's {@code project.yaml} already names {@code recordedAs} exactly as a switch would write it:
   * the move is done, and copying from the old store again would only take the new store back to an older state.
   */
  public static boolean alreadySwitched(WriterOptions options, StoreLocation recordedAs) {
    Objects.requireNonNull(recordedAs, "recordedAs");
    try (ProjectCheckout checkout = ProjectCheckout.cloneWhereverStored(options)) {
      String yaml = checkout.repo().readFile(ProjectLayout.PROJECT_FILE)
          .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
          .orElseThrow(() -> new NotADatomRepositoryException(checkout.remote()));
      ProjectConfig config = ProjectConfig.parse(yaml, ProjectLayout.PROJECT_FILE + " of " + checkout.remote());
      return config.withDataStore(recordedAs).toYaml().equals(yaml);
    }
  }

  private static void requireComplete(ProjectCheckout checkout, Store destination, String head) {
    List<Discrepancy> missing = ProjectValidator.discrepancies(checkout, new MirrorCheck(destination));
    if (!missing.isEmpty()) {
      Map<String, String> failures = new LinkedHashMap<>();
      missing.forEach(d -> failures.put(d.key(), d.kind().name().toLowerCase(Locale.ROOT) + " against git's commit "
          + head + " (if the copy verified, a write reached git after it)"));
      throw new CopyVerificationException(destination.describe(), failures);
    }
  }

  private static void requireOpenableByR(StoreLocation destination) {
    switch (destination.type()) {
      case StoreLocation.S3 -> {
        if (destination.region() == null || destination.region().isBlank()) {
          throw new IllegalArgumentException("An S3 data store needs its region in project.yaml (R's datom_store_s3 "
              + "defaults to us-east-1): give the region of bucket " + destination.root() + ".");
        }
      }
      case StoreLocation.LOCAL -> {
        if (!destination.root().startsWith("/") && !destination.root().matches("^[A-Za-z]:[/\\\\].*")) {
          throw new IllegalArgumentException("A local data store's root must be an absolute path, as R records it: "
              + destination.root());
        }
      }
      default -> throw new IllegalArgumentException("project.yaml can name only a local or an S3 data store (the "
          + "stores R can open), not a " + destination.type() + " store (" + destination.describe() + "). Copy the "
          + "project there if Spark alone reads it, but keep its data store where R can find it.");
    }
  }

  private static void backOff(RetryPolicy policy, int attemptsMade, long started, String remote) {
    Duration wait = policy.backoffAfter(attemptsMade, ThreadLocalRandom.current());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (!policy.allowsAttemptAfter(elapsed, wait)) {
      throw new DataRepoException("Could not switch the data store in " + remote + ": the push was rejected "
          + attemptsMade + " times in " + elapsed.toSeconds() + " s because others pushed first. Nothing was "
          + "switched; run the switch again.");
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteInterruptedException(ProjectLayout.PROJECT_FILE, e);
    }
  }
}
