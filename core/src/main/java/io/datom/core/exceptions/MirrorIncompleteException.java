package io.datom.core.exceptions;

/**
 * A version was committed and pushed, but the store mirror could not be brought level with git because other writers
 * kept moving it. The version exists (git is the record); readers of the store may see an older current version until
 * the next write to the table or a validation with {@code fix = true}.
 */
public class MirrorIncompleteException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String metadataSha;
  private final String commitSha;

  public MirrorIncompleteException(String table, String metadataSha, String commitSha, int rounds) {
    super("Table '" + table + "' version " + metadataSha + " was committed (" + commitSha + "), but the store mirror"
        + " was still behind git after " + rounds + " rounds because other writers kept pushing. Run validation with"
        + " fix = true, or write again, to bring the store level with git.");
    this.table = table;
    this.metadataSha = metadataSha;
    this.commitSha = commitSha;
  }

  /** The table written. */
  public String table() {
    return table;
  }

  /** The version that was committed. */
  public String metadataSha() {
    return metadataSha;
  }

  /** The commit that holds it. */
  public String commitSha() {
    return commitSha;
  }
}
