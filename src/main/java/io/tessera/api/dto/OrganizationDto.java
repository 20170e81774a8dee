package io.tessera.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.core.model.Records;

/** The organization that scopes every record; {@code version} is also its ETag. */
public record OrganizationDto(
    String id, String name, long version, @JsonProperty("created_at") String createdAt) {

  public static OrganizationDto of(Records.Organization o) {
    return new OrganizationDto(o.id(), o.name(), o.version(), Wire.instant(o.createdAt()));
  }

  /** {@code PUT /api/v1/organization}. */
  public record Update(String name) {}
}
