/**
 * Checks what the scenario schema cannot ({@link org.mercato.scenarios.validate.ScenarioValidator}):
 * policies and their parameters, runtime limits, and that the scenario wires into a run (a {@link
 * org.mercato.scenarios.keys.WiringException} names its key), each problem reported at its key's file,
 * line and column. Sits above {@code load} and {@code run}, so neither depends on the other's checks.
 */
package org.mercato.scenarios.validate;
