/**
 * Background work for the desktop: a {@link io.tessera.ui.task.TaskExecutor} runs blocking calls off
 * the FX thread and hands results back on it; tests swap in {@link
 * io.tessera.ui.task.CurrentThreadTaskExecutor} to make that deterministic.
 */
package io.tessera.ui.task;
