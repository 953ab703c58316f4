/**
 * The connector's own exceptions, each carrying its facts, with the message texts several classes share built here.
 * Errors of the datom model itself are core's ({@code io.datom.core.exceptions}).
 */
package io.datom.spark.exceptions;
