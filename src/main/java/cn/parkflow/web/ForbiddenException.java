package cn.parkflow.web;

/** The caller is known but may not do this (403). The message is Chinese. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
