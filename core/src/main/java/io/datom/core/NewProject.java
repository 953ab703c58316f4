package io.datom.core;

import java.util.Objects;

/**
 * A project to create, as R's {@code datom_init_repo(project_name =, .force =)}.
 *
 * @param name              the project name (format §10 rules)
 * @param takeOverNamespace create even if the store namespace already holds another project's manifest (R's
 *                          {@code .force = TRUE}); that project's store files are then shared, so use with care
 */
public record NewProject(String name, boolean takeOverNamespace) {

  public NewProject {
    Objects.requireNonNull(name, "name");
  }

  /** A project called {@code name}, refusing an occupied store namespace. */
  public static NewProject named(String name) {
    return new NewProject(name, false);
  }

  /** This project, created even over an occupied store namespace. */
  public NewProject takingOverNamespace() {
    return new NewProject(name, true);
  }
}
