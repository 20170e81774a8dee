package io.tessera.store;

import io.tessera.core.model.Records.ApiKey;
import io.tessera.core.model.Records.Blob;
import io.tessera.core.model.Records.ClientCredential;
import io.tessera.core.model.Records.Job;
import io.tessera.core.model.Records.Organization;
import io.tessera.core.model.Records.Session;
import io.tessera.core.model.Records.User;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Registers the row mappers once and hands out the repositories over one {@link Jdbi}. */
public final class Repositories {
  private final Jdbi jdbi;

  public Repositories(Database db) {
    this.jdbi = db.jdbi();
    for (Class<?> row :
        new Class<?>[] {
          Organization.class, User.class, Session.class, ApiKey.class,
          ClientCredential.class, Job.class, Blob.class
        }) {
      jdbi.registerRowMapper(ConstructorMapper.factory(row));
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }
}
