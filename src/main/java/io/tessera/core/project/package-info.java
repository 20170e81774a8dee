/** Photogrammetry projects: the records the project API and the marking workflow share. */
package io.tessera.core.project;
