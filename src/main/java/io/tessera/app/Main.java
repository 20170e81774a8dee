package io.tessera.app;

/** Placeholder until the composition root lands. */
final class Main {
  private Main() {}

  static int run(String[] args) {
    return 0;
  }
}
