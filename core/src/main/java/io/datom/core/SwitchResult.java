package io.datom.core;

/**
 * How the switch of a project's data store ended.
 *
 * @param projectName the project
 * @param commit      the commit that switched it, or the unchanged head when it already named the destination
 * @param switched    whether this call committed the switch ({@code false}: {@code project.yaml} already named the
 *                    destination, e.g. when a move is run again)
 * @param projectYaml the {@code .datom/project.yaml} the repository now holds
 */
public record SwitchResult(String projectName, String commit, boolean switched, String projectYaml) {}
