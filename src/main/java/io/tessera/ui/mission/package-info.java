/**
 * Missions on the desktop: drawing a mission's area on the map ({@link
 * io.tessera.ui.mission.MissionDrawViewModel} with its undo stack, drawn by {@link
 * io.tessera.ui.mission.MissionDrawLayer}), the missions in the sidebar and on the map, the
 * submissions layer and table, the review panel (approve / reject) and photo import by path. All
 * service calls go through {@link io.tessera.client.MissionsClient} on a {@link
 * io.tessera.ui.task.TaskExecutor}.
 */
package io.tessera.ui.mission;
