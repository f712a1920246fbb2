// Following EventService.Subscribe in a browser: live, resumed from its cursor
// after a drop, never missing, repeating or reordering an event.
//
// The first time (and whenever there is no usable cursor) the stream is opened
// live, and only then is the state read with List RPCs (`resync`): events that
// arrive meanwhile wait, and are applied on top of what the lists returned, in
// order. From then on the last sequence seen is the cursor; a dropped stream is
// opened again with `after_sequence` = cursor after a backoff, and the server
// replays what was missed.

import { Code, ConnectError } from "@connectrpc/connect";
import type { Client } from "@connectrpc/connect";
import { EventType, openStream } from "@relaydesk/client";
import type { Event, EventService } from "@relaydesk/client";

export type FollowState = "connecting" | "live" | "reconnecting" | "stopped";

type Subscribe = Client<typeof EventService>["subscribe"];

export interface FollowOptions {
  /** `EventService.Subscribe` of a client with the caller's credential. */
  subscribe: Subscribe;
  /** What to follow: channels, types, typing (never `after_sequence`: the follower keeps it). */
  request: { channels?: string[]; types?: EventType[]; includeTyping?: boolean };
  /** Reads the state with List RPCs; called once the stream is live, when there is no cursor. */
  resync: () => Promise<void>;
  /** Each event, in order (heartbeats included: they carry the server's time). */
  onEvent: (event: Event) => void;
  /** The connection's state, and the error that ended the last attempt. */
  onState: (state: FollowState, error?: unknown) => void;
  /** Errors after which following is pointless (the credential is refused): stop. */
  isFatal?: (error: unknown) => boolean;
}

/** The first retry waits about this long; each failure doubles it, up to the cap. */
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A stream silent for this long is taken as dead (heartbeats come every 15 s). */
const SILENCE_MS = 45_000;

export class EventFollower {
  /** The sequence of the last event delivered (or heartbeat heard): where a resume starts. */
  cursor: bigint | undefined;
  private readonly stop = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly options: FollowOptions) {}

  /** Starts following; resolves when stopped, for good, by `close()` or a fatal error. */
  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  close(): void {
    this.stop.abort();
  }

  private async loop(): Promise<void> {
    const { onState, isFatal } = this.options;
    let failures = 0;
    onState("connecting");
    while (!this.stop.signal.aborted) {
      const resuming = this.cursor !== undefined;
      let ended: unknown;
      try {
        await this.attempt(() => {
          failures = 0;
          onState("live");
        });
      } catch (error) {
        ended = error;
      }
      if (this.stop.signal.aborted) {
        break;
      }
      if (ended !== undefined && isFatal?.(ended)) {
        onState("stopped", ended);
        return;
      }
      onState("reconnecting", ended);
      const code = ended instanceof ConnectError ? ended.code : undefined;
      if (resuming && (code === Code.OutOfRange || code === Code.InvalidArgument)) {
        // The cursor is older than the log keeps, or unknown to this server (a
        // new database): read the state afresh and follow live, straight away.
        this.cursor = undefined;
        continue;
      }
      // Dropped, refused, or ended by the server (shutting down, say): try again
      // after a pause that grows while the attempts keep failing.
      failures += 1;
      await this.pause(backoff(failures));
    }
    onState("stopped");
  }

  /** One stream, from opening to its end. Calls `onLive` once it is live and synced. */
  private async attempt(onLive: () => void): Promise<void> {
    const { subscribe, request, resync, onEvent } = this.options;
    const call = new AbortController();
    const cancel = () => call.abort();
    this.stop.signal.addEventListener("abort", cancel);
    let silence: ReturnType<typeof setTimeout> | undefined;
    const hearing = () => {
      clearTimeout(silence);
      silence = setTimeout(cancel, SILENCE_MS);
    };
    try {
      const resuming = this.cursor !== undefined;
      const stream = await openStream(
        subscribe,
        { ...request, ...(resuming ? { afterSequence: this.cursor } : {}) },
        { signal: call.signal },
      );
      hearing();
      let waiting: Event[] | undefined = resuming ? undefined : [];
      const reading = (async () => {
        for await (const { event } of stream) {
          hearing();
          if (!event) {
            continue;
          }
          if (waiting) {
            waiting.push(event);
          } else {
            this.deliver(event, onEvent);
          }
        }
      })();
      if (waiting) {
        // Read the state while the stream buffers; a failure ends this attempt.
        const synced = resync();
        try {
          await Promise.race([synced, reading.then(() => synced)]);
        } catch (error) {
          // Neither is left running: the next attempt reads the state again.
          call.abort();
          await Promise.allSettled([synced, reading]);
          throw error;
        }
        for (const event of waiting) {
          this.deliver(event, onEvent);
        }
        waiting = undefined;
      }
      onLive();
      await reading;
      if (call.signal.aborted && !this.stop.signal.aborted) {
        throw new ConnectError("the event stream went silent", Code.Unavailable);
      }
    } finally {
      clearTimeout(silence);
      this.stop.signal.removeEventListener("abort", cancel);
      call.abort();
    }
  }

  private deliver(event: Event, onEvent: (event: Event) => void): void {
    // Typing is ephemeral (sequence 0); every other event, heartbeats included,
    // moves the cursor on.
    if (event.type !== EventType.TYPING && event.sequence > 0n) {
      if (this.cursor === undefined || event.sequence > this.cursor) {
        this.cursor = event.sequence;
      } else if (event.type !== EventType.HEARTBEAT) {
        return; // already delivered: never twice
      }
    }
    onEvent(event);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      this.stop.signal.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

/** Exponential backoff with jitter: 0.5 s, 1 s, 2 s, ... up to 8 s, each 75-100 %. */
export function backoff(failures: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return ceiling * (0.75 + Math.random() * 0.25);
}

