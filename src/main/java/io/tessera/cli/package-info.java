/** picocli commands: serve, admin, migrate. */
package io.tessera.cli;
