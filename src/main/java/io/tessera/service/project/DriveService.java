package io.tessera.service.project;

import io.tessera.core.project.DriveNode;
import io.tessera.service.DomainException;
import io.tessera.service.auth.Principal;
import io.tessera.store.DriveRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The drive: folders and project groups (sites) in a tree under the organization, projects in it,
 * moves between them and deletes with descendants (into the trash). The organization's own id is
 * the root's uuid. Uuids are accepted with or without dashes, as the document shows both.
 */
public final class DriveService {
  public static final List<String> GROUP_TYPES = List.of("pro", "bim", "model", "ag");

  private final Jdbi jdbi;
  private final Clock clock;
  private final DriveRepository repo = new DriveRepository();

  /** One node to move: its type (folder, project_group, project) and uuid. */
  public record Source(String type, String uuid) {}

  public DriveService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A uuid in its dashed form; 32 hex digits get their dashes. */
  public static String dashed(String uuid) {
    if (uuid == null) {
      return null;
    }
    String u = uuid.trim().toLowerCase(Locale.ROOT);
    if (u.matches("[0-9a-f]{32}")) {
      return u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-"
          + u.substring(16, 20) + "-" + u.substring(20);
    }
    return u;
  }

  public DriveNode createFolder(Principal p, String name, String parentType, String parentUuid) {
    return create(p, "folder", name, null, parentType, parentUuid);
  }

  public DriveNode createGroup(Principal p, String name, String groupType, String parentType,
      String parentUuid) {
    String gt = groupType == null ? "pro" : groupType;
    if (!GROUP_TYPES.contains(gt)) {
      throw field("project_group_type", "\"" + gt + "\" is not a valid choice.");
    }
    return create(p, "project_group", name, gt, parentType, parentUuid);
  }

  /** A folder or project group under the organization's root or a folder. */
  private DriveNode create(Principal p, String kind, String name, String groupType,
      String parentType, String parentUuid) {
    p.requireScope("write");
    String type = parentType == null ? "organization" : parentType;
    if (!type.equals("organization") && !type.equals("folder")) {
      throw field("parent_type", "\"" + type + "\" is not a valid choice: organization or"
          + " folder.");
    }
    return jdbi.inTransaction(h -> {
      String parent = checkParent(h, p, type, parentUuid);
      return repo.insert(h, p.organizationId(), UUID.randomUUID().toString(), kind,
          checkName(name), groupType, type, parent, clock.instant());
    });
  }

  public List<DriveNode> groups(Principal p) {
    p.requireScope("read");
    return jdbi.withHandle(h -> repo.groups(h, p.organizationId()));
  }

  public DriveNode group(Principal p, long id) {
    p.requireScope("read");
    return jdbi.withHandle(h -> repo.group(h, p.organizationId(), id))
        .orElseThrow(() -> new DomainException.NotFound("project group", Long.toString(id)));
  }

  public DriveNode rename(Principal p, String kind, String uuid, String name) {
    p.requireScope("write");
    return jdbi.inTransaction(h -> {
      DriveNode n = node(h, p, kind, uuid);
      repo.rename(h, p.organizationId(), n.uuid(), checkName(name));
      return repo.node(h, p.organizationId(), n.uuid()).orElseThrow();
    });
  }

  /** Deletes a folder or project group with everything under it (into the trash). */
  public void delete(Principal p, String kind, String uuid) {
    p.requireScope("write");
    jdbi.useTransaction(h -> trashTree(h, p, node(h, p, kind, uuid), clock.instant()));
  }

  /**
   * What lies directly under the organization or a folder (or a project group), ordered by
   * {@code date}, {@code -date}, {@code name} or {@code -name}.
   */
  public List<DriveNode> children(Principal p, String parentType, String parentUuid,
      boolean projects, boolean groups, String ordering) {
    p.requireScope("read");
    return jdbi.withHandle(h -> {
      String parent = switch (parentType) {
        case "organization", "user" -> {
          if (!dashed(parentUuid).equals(p.organizationId())) {
            throw new DomainException.NotFound(parentType, parentUuid);
          }
          yield p.organizationId();
        }
        case "folder" -> node(h, p, "folder", parentUuid).uuid();
        default -> throw new DomainException.NotFound(parentType, parentUuid);
      };
      List<DriveNode> all = new ArrayList<>(repo.children(h, p.organizationId(), parent));
      all.removeIf(n -> (!projects && n.type().equals("project"))
          || (!groups && n.type().equals("project_group")));
      Comparator<DriveNode> order = switch (ordering == null ? "date" : ordering) {
        case "date" -> Comparator.comparing(DriveNode::createdAt);
        case "-date" -> Comparator.comparing(DriveNode::createdAt).reversed();
        case "name" -> Comparator.comparing(DriveNode::name, String.CASE_INSENSITIVE_ORDER);
        case "-name" -> Comparator.comparing(DriveNode::name, String.CASE_INSENSITIVE_ORDER)
            .reversed();
        default -> throw field("ordering", "\"" + ordering + "\" is not a valid choice: date,"
            + " -date, name or -name.");
      };
      all.sort(order);
      return all;
    });
  }

  /**
   * Moves nodes into the organization's root, a folder, or (projects only) a project group.
   * All or nothing; a folder cannot move into itself or below itself.
   */
  public int move(Principal p, String ownerUuid, List<Source> sources, String targetType,
      String targetUuid) {
    p.requireScope("write");
    if (ownerUuid != null && !dashed(ownerUuid).equals(p.organizationId())) {
      throw field("owner_uuid", "Not this organization's uuid.");
    }
    if (sources == null || sources.isEmpty()) {
      throw field("source_nodes", "This list may not be empty.");
    }
    return jdbi.inTransaction(h -> {
      String parent = switch (targetType == null ? "" : targetType) {
        case "organization" -> checkParent(h, p, "organization", targetUuid);
        case "folder" -> node(h, p, "folder", targetUuid).uuid();
        case "project_group" -> node(h, p, "project_group", targetUuid).uuid();
        default -> throw field("target_type", "\"" + targetType + "\" is not a valid choice:"
            + " organization, folder or project_group.");
      };
      for (Source s : sources) {
        DriveNode n = s.type() != null && s.type().equals("project")
            ? repo.project(h, p.organizationId(), dashed(s.uuid()))
                .orElseThrow(() -> new DomainException.NotFound("project", s.uuid()))
            : node(h, p, s.type(), s.uuid());
        if (targetType.equals("project_group") && !n.type().equals("project")) {
          throw field("source_nodes", "Only projects can be moved into a project group.");
        }
        if (n.type().equals("folder") && isAtOrBelow(h, p, parent, n.uuid())) {
          throw field("source_nodes", "A folder cannot be moved into itself or its"
              + " descendants.");
        }
        repo.move(h, p.organizationId(), n, targetType, parent);
      }
      return sources.size();
    });
  }

  /** Checks a project's parent at its creation, returning the parent's uuid. */
  public String checkProjectParent(Principal p, String parentType, String parentUuid) {
    return jdbi.withHandle(h -> switch (parentType) {
      case "organization" -> checkParent(h, p, "organization", parentUuid);
      case "folder", "project_group" -> node(h, p, parentType, parentUuid).uuid();
      default -> throw field("parent_type", "\"" + parentType + "\" is not a valid choice:"
          + " organization, folder or project_group.");
    });
  }

  private boolean isAtOrBelow(Handle h, Principal p, String candidate, String folderUuid) {
    String at = candidate;
    while (at != null && !at.equals(p.organizationId())) {
      if (at.equals(folderUuid)) {
        return true;
      }
      at = repo.node(h, p.organizationId(), at).map(DriveNode::parentUuid).orElse(null);
    }
    return false;
  }

  private void trashTree(Handle h, Principal p, DriveNode n, Instant now) {
    if (!n.type().equals("project")) {
      for (DriveNode child : repo.children(h, p.organizationId(), n.uuid())) {
        trashTree(h, p, child, now);
      }
    }
    repo.trash(h, p.organizationId(), n, now);
  }

  private DriveNode node(Handle h, Principal p, String kind, String uuid) {
    return repo.node(h, p.organizationId(), dashed(uuid))
        .filter(n -> n.type().equals(kind))
        .orElseThrow(() -> new DomainException.NotFound(
            kind == null ? "node" : kind.replace('_', ' '), String.valueOf(uuid)));
  }

  private String checkParent(Handle h, Principal p, String type, String parentUuid) {
    if (type.equals("organization")) {
      if (parentUuid != null && !dashed(parentUuid).equals(p.organizationId())) {
        throw field("parent_uuid", "Not this organization's uuid.");
      }
      return p.organizationId();
    }
    if (parentUuid == null) {
      throw field("parent_uuid", "This field is required with parent_type " + type + ".");
    }
    return node(h, p, type, parentUuid).uuid();
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw field("name", "This field is required.");
    }
    if (name.length() > 100) {
      throw field("name", "Ensure this field has no more than 100 characters.");
    }
    return name;
  }

  private static DomainException field(String field, String message) {
    return new DomainException.BadRequest(field + ": " + message,
        Map.of(field, List.of(message)));
  }
}
