/** Use cases and transactions: auth, jobs, secrets. Independent of HTTP and JavaFX. */
package io.tessera.service;
