/** picocli commands: serve, admin, migrate, tile. */
package io.tessera.cli;
