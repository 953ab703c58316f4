package io.datom.core.exceptions;

import java.util.List;

/** A governance store has no {@code projects/{name}/ref.json} for the project asked for. */
public class ProjectNotRegisteredException extends DatomException {
  private static final long serialVersionUID = 1L;
  private final String project;
  private final String governance;
  private final List<String> registered;

  public ProjectNotRegisteredException(String project, String governance, List<String> registered) {
    super("Project '" + project + "' is not registered in governance store " + governance + " (no projects/"
        + project + "/ref.json). "
        + (registered.isEmpty()
            ? "No project is registered there yet."
            : "Registered projects: " + String.join(", ", registered) + "."));
    this.project = project;
    this.governance = governance;
    this.registered = List.copyOf(registered);
  }

  /** The project asked for. */
  public String project() {
    return project;
  }

  /** The governance store, as described in messages. */
  public String governance() {
    return governance;
  }

  /** The projects that are registered. */
  public List<String> registered() {
    return registered;
  }
}
