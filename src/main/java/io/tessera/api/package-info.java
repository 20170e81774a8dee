/** The HTTP surfaces: {@code dto} wire records shared with the client, {@code http} Javalin routes. */
package io.tessera.api;
