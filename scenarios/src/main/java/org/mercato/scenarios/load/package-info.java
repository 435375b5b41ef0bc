/**
 * Reads scenario files strictly ({@link org.mercato.scenarios.load.ScenarioLoader}): YAML with line
 * and column for every key, binding errors and {@code --set} overrides turned into one-line {@link
 * org.mercato.scenarios.load.ScenarioException}s, bundled scenarios, and the resolved scenario
 * written back ({@link org.mercato.scenarios.load.ScenarioYaml}). Depends only on {@code model} and
 * {@code keys}.
 */
package org.mercato.scenarios.load;
