/**
 * The typed, unchecked failures of datom, all {@link io.datom.core.exceptions.DatomException}s. Each carries its facts
 * (a table, a version, a key, a remote) as plain Java values, so this package depends on nothing else in the core,
 * and an engine can catch, inspect and rethrow them without reaching behind the front door.
 */
package io.datom.core.exceptions;
