/**
 * JSON exactly as the R package datom reads and writes it through jsonlite: an immutable tree that keeps R's typing
 * ({@link JsonInteger R integer} versus {@link JsonDouble double}, atomic vector versus list, {@link JsonNa NA}
 * versus {@link JsonNull NULL}), a {@link JsonWriter writer} for jsonlite's compact and pretty forms, and a
 * {@link JsonParser parser} with jsonlite's parse typing (format §2, §4.3).
 *
 * <p>Generic JSON libraries cannot be used: they format doubles differently, do not unbox length-1 vectors and do
 * not know that a parsed {@code null} re-serialises as {@code {}}. Each of those differences changes a
 * {@code metadata_sha}.
 */
package io.datom.core.internal.json;
