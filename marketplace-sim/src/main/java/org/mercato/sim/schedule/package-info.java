/**
 * What the kernel schedules and the market produces: actions, wake-ups and market timers at a
 * virtual time, and the total order the kernel applies them in.
 */
package org.mercato.sim.schedule;
