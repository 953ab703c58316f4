/** The one mapping from Spark's types to datom's column types (format §14.1). */
package io.datom.spark.schema;
