package io.datom.core.internal.repo;

import io.datom.core.internal.text.RStrings;
import java.io.IOException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.SystemReader;

/**
 * The name and e-mail that author (and commit) datom's commits (format §11).
 *
 * @param name  {@code user.name}
 * @param email {@code user.email}
 */
public record CommitIdentity(String name, String email) {

  /**
   * @throws io.datom.core.exceptions.InvalidMetadataException if R cannot hold the name or e-mail, which every
   *     history entry records ({@link RStrings})
   */
  public CommitIdentity {
    RStrings.require("author", "The author name", name);
    RStrings.require("author", "The author e-mail", email);
  }

  /** Used when git config names nobody, as R does. */
  public static final CommitIdentity FALLBACK = new CommitIdentity("datom", "datom@noreply");

  /** The identity {@code config} names, each field falling back to {@link #FALLBACK}'s when unset or blank. */
  public static CommitIdentity fromConfig(Config config) {
    return new CommitIdentity(
        valueOr(config.getString("user", null, "name"), FALLBACK.name),
        valueOr(config.getString("user", null, "email"), FALLBACK.email));
  }

  /** The identity in the user's global git config ({@code ~/.gitconfig}), with the same fallbacks. */
  public static CommitIdentity global() {
    try {
      return fromConfig(SystemReader.getInstance().getUserConfig());
    } catch (IOException | ConfigInvalidException unreadable) {
      return FALLBACK;
    }
  }

  PersonIdent toPersonIdent() {
    return new PersonIdent(name, email);
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
