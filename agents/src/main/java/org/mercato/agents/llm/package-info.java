/**
 * Agents driven by a language model: the buying and selling policies, their conversations and
 * prompts, the model client with its providers (OpenAI-compatible, Anthropic, Gemini), response
 * cache (record and replay), prefetching, bounds and run budget, and the model-written listing
 * rewrite.
 */
package org.mercato.agents.llm;
