/** Persistence: Flyway migrations, JDBI repositories (H2 and PostgreSQL), the blob store. */
package io.tessera.store;
