/**
 * Model turns as data ({@code transcripts.jsonl}): the line of one turn, the sink agents report
 * turns to, and the recorder that orders them for the file independently of thread timing.
 */
package org.mercato.agents.transcript;
