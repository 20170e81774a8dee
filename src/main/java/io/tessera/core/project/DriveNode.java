package io.tessera.core.project;

import java.time.Instant;

/**
 * A node of the drive: a folder, a project group (a site), or a project, as the drive lists them.
 *
 * @param legacyId the numeric id (a project's id, a project group's id)
 * @param type folder, project_group or project
 * @param parentType organization or folder (project_group for a project in a site)
 */
public record DriveNode(
    long legacyId,
    String uuid,
    String type,
    String name,
    String projectGroupType,
    String parentType,
    String parentUuid,
    Instant createdAt) {}
