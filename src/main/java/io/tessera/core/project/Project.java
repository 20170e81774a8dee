package io.tessera.core.project;

import java.time.Instant;

/**
 * A photogrammetry project: photos, control points and marks, processing options and outputs
 * hang off it. The numeric id is this instance's (as the Pix4D-style API shows it); the uuid
 * travels with the project between instances.
 *
 * @param coordinateSystem the output CRS as given: {@code EPSG:a[+b]}, WKT, or an {@code
 *     ARBITRARY_*} name; null when not set
 * @param publicStatus CREATED, UPLOADED, PROCESSING, DONE or ERROR
 * @param parentType organization, folder or project_group
 */
public record Project(
    long id,
    String uuid,
    String organizationId,
    String name,
    String displayName,
    String projectType,
    Instant acquisitionDate,
    String coordinateSystem,
    Double coordinateSystemGeoidHeight,
    String parentType,
    String parentUuid,
    String publicStatus,
    String displayDetailedStatus,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant processingStartedAt,
    Instant deletedAt,
    long version) {}
