/**
 * Fixes for ND4J updaters that mishandle schedules in 1.0.0-M2.1; each is a drop-in subclass whose
 * test fails once the upstream class is fixed and the subclass becomes redundant.
 */
package io.github.dl4jschedules.updaters;
