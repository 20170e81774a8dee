/** JavaFX desktop: the shell and its panes. Talks to the service only through {@code client}. */
package io.tessera.ui;
