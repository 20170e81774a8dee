package io.tessera.ui;

/** What the status bar says about the service, from the last health poll. */
public enum ConnectionState {
  /** No answer yet: the first poll is still on its way. */
  CONNECTING("connecting…"),
  CONNECTED("connected"),
  /** The service answered but reports its database as unreachable. */
  DATABASE_DISCONNECTED("database disconnected"),
  /** The service answered with an error other than an unreachable database. */
  SERVICE_ERROR("service error"),
  /** Nothing listens at the service URL, or the connection failed. */
  OFFLINE("offline");

  private final String label;

  ConnectionState(String label) {
    this.label = label;
  }

  /** The words the status bar shows. */
  public String label() {
    return label;
  }
}
