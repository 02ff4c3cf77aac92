/**
 * One immutable, validated {@link org.nd4j.linalg.schedule.ISchedule} per schedule of the catalogue,
 * all extending {@link io.github.dl4jschedules.schedules.CounterSchedule}, which picks the iteration or
 * epoch counter in one place. Each class states its formula and the reference it matches.
 */
package io.github.dl4jschedules.schedules;
