/** Text rules shared by the format, the hashers and the git layer: what R can hold in a string. */
package io.datom.core.internal.text;
