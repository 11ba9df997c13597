package io.fairtender.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON form of reports, identical from the API and the CLI. */
public final class ReportJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private ReportJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Pretty-printed JSON. */
  public static String pretty(Object report) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line of JSON. */
  public static String line(Object report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
