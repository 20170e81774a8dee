package io.tessera.service.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.tessera.core.project.ProcessingOptions;

/** Processing options as stored: JSON in the API's own (snake_case) names. */
final class OptionsJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private OptionsJson() {}

  static String write(ProcessingOptions o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ProcessingOptions read(String json) {
    try {
      return JSON.readValue(json, ProcessingOptions.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored processing options are not readable", e);
    }
  }

  /** {@code base} with every field that {@code given} sets. */
  static ProcessingOptions merge(ProcessingOptions base, ProcessingOptions given) {
    return new ProcessingOptions(
        given.tags() != null ? given.tags() : base.tags(),
        given.outputCsHorizontal() != null ? given.outputCsHorizontal()
            : base.outputCsHorizontal(),
        given.outputCsVertical() != null ? given.outputCsVertical() : base.outputCsVertical(),
        given.outputCsGeoid() != null ? given.outputCsGeoid() : base.outputCsGeoid(),
        given.outputCsGeoidHeight() != null ? given.outputCsGeoidHeight()
            : base.outputCsGeoidHeight(),
        given.outputs() != null ? given.outputs() : base.outputs(),
        given.formats() != null ? given.formats() : base.formats(),
        given.area() != null ? given.area() : base.area());
  }
}
