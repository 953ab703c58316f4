package io.datom.spark.write;

import io.datom.core.DatomWriter;
import io.datom.core.WriterOptions;
import io.datom.core.exceptions.NamespaceOccupiedException;
import io.datom.core.exceptions.NotADatomRepositoryException;
import io.datom.core.exceptions.ProjectNotFoundException;
import io.datom.core.exceptions.StoreMismatchException;

/**
 * What a write that meant to create a project does when another writer created it first. Several Spark writers that
 * find one empty remote all prepare to create the project; one creates it, and the others then find the store
 * namespace occupied ({@link NamespaceOccupiedException}). An occupied namespace is only a refusal when the occupant
 * is some other project: when the remote now holds a project that locates this store and whose manifest is the one
 * in the store, the race was lost to a creator of this very project, and the loser opens it.
 *
 * <p>Uses only {@link DatomWriter}'s public operations, so that it holds whatever core's creation does internally.
 */
final class CreationRace {

  private CreationRace() {}

  /**
   * Opens the project that occupies the store namespace if it is the one now at {@code options}' remote; otherwise
   * rethrows {@code occupied}, with the reason the remote's project is not the occupant attached as suppressed.
   *
   * @throws NamespaceOccupiedException if the occupant is another project than the remote's
   */
  static DatomWriter openWinner(WriterOptions options, NamespaceOccupiedException occupied) {
    DatomWriter winner;
    try {
      winner = DatomWriter.open(options);
    } catch (ProjectNotFoundException | NotADatomRepositoryException | StoreMismatchException notTheOccupant) {
      // The remote is still empty, holds something else, or its project lives elsewhere: the store's occupant is a
      // project of another remote, and creating this one there stays refused.
      occupied.addSuppressed(notTheOccupant);
      throw occupied;
    }
    if (!winner.projectName().equals(occupied.existingProject())) {
      winner.close();
      throw occupied;
    }
    return winner;
  }
}
