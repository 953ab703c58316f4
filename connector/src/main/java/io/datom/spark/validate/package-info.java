/** A project's store compared with (and repaired from) its data repository, as rows a data manager can read. */
package io.datom.spark.validate;
