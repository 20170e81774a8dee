package io.tessera.core.gcp;

/** The rule for point and image names, shared by every format. */
final class Names {
  private Names() {}

  /**
   * Checks that {@code value} is a name every format can carry: not blank, no surrounding blanks,
   * no control characters (tabs and line breaks split the line-based formats).
   */
  static String check(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException(what + " has surrounding blanks: \"" + value + "\"");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(what + " contains a control character (tab or line break): \""
          + value.replaceAll("\\p{Cntrl}", "?") + "\"");
    }
    return value;
  }
}
