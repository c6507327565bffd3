package cn.parkflow.web;

import cn.parkflow.time.EngineClock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;

/**
 * A small bounded in-memory rate limit per client address: at most {@code requests} calls per fixed {@code window},
 * counted on the engine clock. At most {@code maxClients} addresses are remembered (the least recently used beyond
 * that are forgotten, which errs on the side of letting a request through). Per node: two nodes allow twice the
 * rate, which is fine for what it guards (anonymous sign-ups, not a security boundary on its own).
 */
public final class ClientRateLimit {
  private final String name;
  private final int requests;
  private final Duration window;
  private final EngineClock clock;
  private final Cache<String, Window> windows;

  private static final class Window {
    Instant start;
    int used;
  }

  public ClientRateLimit(String name, int requests, Duration window, int maxClients, EngineClock clock) {
    this.name = name;
    this.requests = requests;
    this.window = window;
    this.clock = clock;
    this.windows = Caffeine.newBuilder().maximumSize(maxClients).build();
  }

  /** Counts one call of {@code client}; throws {@link TooManyRequestsException} when its window is used up. */
  public void acquire(String client) {
    Instant now = clock.now();
    Window w = windows.get(client, k -> new Window());
    synchronized (w) {
      if (w.start == null || !now.isBefore(w.start.plus(window)) || now.isBefore(w.start)) {
        w.start = now;
        w.used = 0;
      }
      if (w.used >= requests) {
        Duration left = Duration.between(now, w.start.plus(window));
        throw new TooManyRequestsException(name, Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0)));
      }
      w.used++;
    }
  }

  /** Forgets every client's count (tests). */
  public void reset() {
    windows.invalidateAll();
  }
}
