package io.datom.core;

import io.datom.core.internal.repo.CommitIdentity;

/**
 * The name and e-mail that author (and commit) datom's commits and history entries (format §11).
 *
 * @param name  {@code user.name}
 * @param email {@code user.email}
 */
public record GitIdentity(String name, String email) {

  /** Used when git config names nobody, as R does. */
  public static final GitIdentity FALLBACK = of(CommitIdentity.FALLBACK);

  /**
   * @throws io.datom.core.exceptions.InvalidMetadataException if R cannot hold the name or e-mail, which every
   *     history entry records
   */
  public GitIdentity {
    new CommitIdentity(name, email);
  }

  /** The identity in the user's global git config ({@code ~/.gitconfig}), each field falling back to FALLBACK's. */
  public static GitIdentity global() {
    return of(CommitIdentity.global());
  }

  static GitIdentity of(CommitIdentity identity) {
    return new GitIdentity(identity.name(), identity.email());
  }

  CommitIdentity commitIdentity() {
    return new CommitIdentity(name, email);
  }
}
