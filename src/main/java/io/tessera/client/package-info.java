/** Typed OkHttp client for the Tessera API; used by the desktop, the CLI's remote mode and tests. */
package io.tessera.client;
