/** The in-JVM sentence-embedding model behind the semantic and hybrid search mechanisms. */
package org.mercato.embeddings;
