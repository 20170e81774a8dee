package io.tessera.api.http.photogrammetry;

import io.javalin.http.Context;
import io.tessera.api.dto.PhotogrammetryDtos.DriveEntryDto;
import io.tessera.api.dto.PhotogrammetryDtos.FolderDto;
import io.tessera.api.dto.PhotogrammetryDtos.FolderRequest;
import io.tessera.api.dto.PhotogrammetryDtos.MoveBatchRequest;
import io.tessera.api.dto.PhotogrammetryDtos.Page;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectGroupDto;
import io.tessera.api.dto.PhotogrammetryDtos.ProjectGroupRequest;
import io.tessera.api.http.ApiContext;
import io.tessera.api.http.Bodies;
import io.tessera.api.http.Route;
import io.tessera.core.project.DriveNode;
import io.tessera.service.DomainException;
import io.tessera.service.project.DriveService;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The photogrammetry API's drive (photogrammetry-api-pix4d.txt): folders
 * ({@code /common/api/v4/folders/}), sites ({@code /project/api/v3/project_groups/}, also under the
 * document's other spelling {@code project-groups/}), moves ({@code /common/api/v4/drive/
 * move_batch/}, PUT as the examples send it and POST as the prose says) and listings.
 */
public final class DriveRoutes {
  private static final String TAG = "photogrammetry";
  private static final String FOLDERS = "/common/api/v4/folders/";

  private final ApiContext ctx;
  private final Bodies bodies;

  public DriveRoutes(ApiContext ctx, Bodies bodies) {
    this.ctx = ctx;
    this.bodies = bodies;
  }

  public List<Route> routes() {
    List<Route> routes = new ArrayList<>(List.of(
        Route.post(FOLDERS).tag(TAG).summary("Create a folder (parent: organization or folder)")
            .body(new FolderRequest("Customer ABC", "organization", null))
            .responses(Map.of(201, "The folder", 400, "Invalid fields", 404, "No such parent"))
            .handle(c -> {
              FolderRequest r = bodies.read(c, FolderRequest.class);
              c.status(201).json(folder(ctx.drive().createFolder(Bodies.principal(c), r.name(),
                  r.parentType(), r.parentUuid())));
            }),
        Route.patch(FOLDERS + "{uuid}/").tag(TAG).summary("Rename a folder")
            .body(new FolderRequest("Customer ABC Ltd", null, null))
            .responses(Map.of(200, "The folder", 404, "No such folder"))
            .handle(c -> c.json(folder(ctx.drive().rename(Bodies.principal(c), "folder",
                c.pathParam("uuid"), bodies.read(c, FolderRequest.class).name())))),
        Route.delete(FOLDERS + "{uuid}/").tag(TAG)
            .summary("Delete a folder with all its descendants (into the trash)")
            .responses(Map.of(204, "Deleted", 404, "No such folder"))
            .handle(c -> {
              ctx.drive().delete(Bodies.principal(c), "folder", c.pathParam("uuid"));
              c.status(204);
            }),
        Route.put("/common/api/v4/drive/move_batch/").tag(TAG)
            .summary("Move projects, project groups and folders into the organization's root,"
                + " a folder, or (projects) a project group")
            .body(exampleMove())
            .responses(Map.of(204, "Moved", 400, "Invalid move", 404, "No such node"))
            .handle(this::move),
        Route.post("/common/api/v4/drive/move_batch/").tag(TAG)
            .summary("Move nodes (as PUT)")
            .body(exampleMove())
            .responses(Map.of(204, "Moved", 400, "Invalid move", 404, "No such node"))
            .handle(this::move),
        Route.get("/common/api/v4/drive/{parent_type}/{parent_uuid}/").tag(TAG)
            .summary("List the folders, projects and project groups directly under the"
                + " organization (or user) root or a folder (?include_projects,"
                + " ?include_project_groups, ?ordering=date|-date|name|-name, ?page, ?page_size)")
            .responses(Map.of(200, "{count, next, previous, results}", 404, "No such parent"))
            .handle(this::list)));
    for (String groups : List.of("/project/api/v3/project_groups/",
        "/project/api/v3/project-groups/")) {
      routes.addAll(List.of(
          Route.get(groups).tag(TAG).summary("List project groups (sites)")
              .handle(c -> c.json(ctx.drive().groups(Bodies.principal(c)).stream()
                  .map(DriveRoutes::group).toList())),
          Route.post(groups).tag(TAG).summary("Create a project group (a site)")
              .body(new ProjectGroupRequest("Construction site 123", "bim", null, null))
              .responses(Map.of(201, "The project group", 400, "Invalid fields"))
              .handle(c -> {
                ProjectGroupRequest r = bodies.read(c, ProjectGroupRequest.class);
                c.status(201).json(group(ctx.drive().createGroup(Bodies.principal(c), r.name(),
                    r.projectGroupType(), r.parentType(), r.parentUuid())));
              }),
          Route.get(groups + "{id}/").tag(TAG).summary("Get a project group")
              .responses(Map.of(200, "The project group", 404, "No such project group"))
              .handle(c -> c.json(group(ctx.drive().group(Bodies.principal(c), id(c))))),
          Route.delete(groups + "{id}/").tag(TAG)
              .summary("Delete a project group with its projects (into the trash)")
              .responses(Map.of(204, "Deleted", 404, "No such project group"))
              .handle(c -> {
                var p = Bodies.principal(c);
                ctx.drive().delete(p, "project_group", ctx.drive().group(p, id(c)).uuid());
                c.status(204);
              })));
    }
    return routes;
  }

  private void move(Context c) {
    MoveBatchRequest r = bodies.read(c, MoveBatchRequest.class);
    List<DriveService.Source> sources = r.sourceNodes() == null ? List.of()
        : r.sourceNodes().stream().map(n -> new DriveService.Source(n.type(), n.uuid())).toList();
    ctx.drive().move(Bodies.principal(c), r.ownerUuid(), sources, r.targetType(),
        r.targetUuid());
    c.status(204);
  }

  private void list(Context c) {
    List<DriveNode> all = ctx.drive().children(Bodies.principal(c), c.pathParam("parent_type"),
        c.pathParam("parent_uuid"), !"false".equalsIgnoreCase(c.queryParam("include_projects")),
        !"false".equalsIgnoreCase(c.queryParam("include_project_groups")),
        c.queryParam("ordering"));
    int page = Math.max(1, ProjectRoutes.intParam(c, "page", 1));
    int size = Math.max(1, Math.min(1000, ProjectRoutes.intParam(c, "page_size", 100)));
    int from = Math.min(all.size(), (page - 1) * size);
    int to = Math.min(all.size(), from + size);
    String base = c.fullUrl().replaceAll("[?&]page=\\d+", "");
    String sep = base.contains("?") ? "&" : "?";
    c.json(new Page<>(all.size(), to < all.size() ? base + sep + "page=" + (page + 1) : null,
        page > 1 ? base + sep + "page=" + (page - 1) : null,
        all.subList(from, to).stream().map(n -> new DriveEntryDto(n.legacyId(), n.uuid(),
            n.type(), n.createdAt().atOffset(ZoneOffset.UTC).toString(), n.name(), null))
            .toList()));
  }

  private static FolderDto folder(DriveNode n) {
    return new FolderDto(n.uuid(), n.name(), n.parentType(), n.parentUuid());
  }

  private static ProjectGroupDto group(DriveNode n) {
    return new ProjectGroupDto(n.legacyId(), n.uuid(), n.name(), n.projectGroupType(),
        n.parentType(), n.parentUuid(), n.createdAt().atOffset(ZoneOffset.UTC).toString());
  }

  private static MoveBatchRequest exampleMove() {
    return new MoveBatchRequest("58101312-de35-4a22-a951-943eba20a041",
        List.of(new MoveBatchRequest.Node("project", "0c26579b-f2ad-4dfb-a253-a4c43dbbbf53")),
        "project_group", "50df7f65-f480-4fcc-9f86-32d8d7724689");
  }

  private static long id(Context c) {
    try {
      return Long.parseLong(c.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new DomainException.NotFound("project group", c.pathParam("id"));
    }
  }
}
