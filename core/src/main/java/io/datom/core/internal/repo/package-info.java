/**
 * The project's data git repository (format §1.1, §11): {@link io.datom.core.internal.repo.DataRepo}, a JGit working clone
 * that initialises, clones, resets to the remote, commits exact paths and pushes, reporting a push that lost the race
 * to another writer as {@link io.datom.core.internal.repo.PushOutcome#REJECTED}; and the HTTPS token it authenticates with,
 * {@link io.datom.core.internal.repo.RemoteCredentials}.
 */
package io.datom.core.internal.repo;
