package cn.parkflow.web;

/** One invalid input field: {@code field} is the JSON path, {@code message} is Chinese text for the user. */
public record FieldError(String field, String message) {}
