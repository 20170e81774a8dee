/** Composition root: wires every layer, owns start-up and shut-down. */
package io.tessera.app;
