/** Datom stores on Hadoop filesystems, so that Spark's own filesystem configuration reaches every store access. */
package io.datom.spark.store;
