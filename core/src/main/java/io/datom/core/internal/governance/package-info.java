/**
 * The read side of governance (format §1.5, §3.5): the projects registered in a governance store and where each
 * one's data lives, from its {@code projects/{name}/ref.json}. datom never writes governance files.
 */
package io.datom.core.internal.governance;
