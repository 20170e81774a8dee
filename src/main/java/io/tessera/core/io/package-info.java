/** Small file-system helpers shared by the layers. */
package io.tessera.core.io;
