package jp.homebiyori.common.health;

import java.time.Duration;
import java.time.Instant;

/**
 * A loop that beats as it makes progress (ttl-updater's queue poller), so that a liveness check can tell a
 * stuck or dead loop from a quiet one. Only plain Java here: the pods' liveness check that reads it
 * (module {@code shared/probes}, MicroProfile Health) is not on a Lambda class path, where nothing reads it.
 */
public interface Heartbeat {

    /** The check's name, e.g. {@code ttl-queue-worker}. */
    String heartbeatName();

    /** Whether the loop is meant to run in this process; a loop that is off (the worker disabled) is not watched. */
    boolean beating();

    /** When the loop last made progress (or started). */
    Instant lastBeat();

    /** Whether the loop's thread is still alive; a dead thread never beats again. */
    boolean threadAlive();

    /** No beat for longer than this means the loop is stuck. */
    Duration stuckAfter();
}
