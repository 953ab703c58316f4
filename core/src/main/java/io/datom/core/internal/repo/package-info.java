/**
 * The project's data git repository (format §1.1, §11): {@link DataRepo}, a JGit working clone that initialises,
 * clones, resets to the remote, commits exact paths and pushes, reporting a push that lost the race to another writer
 * as {@link PushOutcome#REJECTED}; and the HTTPS token it authenticates with, {@link RemoteCredentials}. Behind the
 * front door: engines pass {@link io.datom.core.GitCredentials} and {@link io.datom.core.GitIdentity}.
 */
package io.datom.core.internal.repo;
