package io.tessera.api.http;

import io.tessera.service.OrganizationService;
import io.tessera.service.auth.AccountService;
import io.tessera.service.auth.AuthService;
import io.tessera.service.deepzoom.ContentService;
import io.tessera.service.job.JobService;
import io.tessera.service.project.AnnotationService;
import io.tessera.service.project.CogExports;
import io.tessera.service.project.CoordinateSystems;
import io.tessera.service.project.DriveService;
import io.tessera.service.project.GcpFiles;
import io.tessera.service.project.OutputService;
import io.tessera.service.project.PermissionTokenService;
import io.tessera.service.project.GcpPredictions;
import io.tessera.service.project.PhotoService;
import io.tessera.service.project.ProjectService;
import io.tessera.service.project.TiePointService;
import io.tessera.service.project.VolumeService;
import io.tessera.service.mission.Exports;
import io.tessera.service.mission.MissionService;
import io.tessera.service.mission.SubmissionService;
import io.tessera.service.ratelimit.RateLimiter;
import io.tessera.service.webhook.WebhookService;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The services the HTTP layer drives, handed over by the composition root.
 *
 * @param databaseUp answers whether the database responds (for the health route)
 */
public record ApiContext(
    AuthService auth,
    AccountService accounts,
    OrganizationService organizations,
    JobService jobs,
    BooleanSupplier databaseUp,
    Clock clock,
    String version,
    RateLimiter rateLimiter,
    MissionService missions,
    SubmissionService submissions,
    Exports exports,
    WebhookService webhooks,
    ContentService content,
    ProjectService projects,
    PhotoService photos,
    TiePointService tiePoints,
    DriveService drive,
    CoordinateSystems coordinateSystems,
    GcpFiles gcpFiles,
    OutputService outputs,
    VolumeService volumes,
    AnnotationService annotations,
    PermissionTokenService permissionTokens,
    GcpPredictions gcpPredictions,
    CogExports cogExports) {}
