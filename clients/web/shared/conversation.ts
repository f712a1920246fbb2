// One conversation as a browser holds it: its channel, members, messages and
// who is typing, built from List RPCs and kept current by events. Everything
// is keyed (messages by index, members by identity), so the same message read
// twice, from a list and from the stream, is shown once.

import { timestampMs } from "@bufbuild/protobuf/wkt";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import { ChannelState, EventType } from "@relaydesk/client";
import type { Channel, Event, Member, Message } from "@relaydesk/client";

/** How long "is typing" shows after the last typing event. */
export const TYPING_SHOWN_MS = 6_000;
/** How often a person typing tells the others (at most). */
export const TYPING_EVERY_MS = 3_000;

/** The channel a message or member belongs to: `channels/{id}` of `channels/{id}/messages/{id}`. */
export function channelOf(name: string): string {
  return name.split("/").slice(0, 2).join("/");
}

function ms(time: Timestamp | undefined): number {
  return time ? timestampMs(time) : 0;
}

export class Conversation {
  channel: Channel | undefined;
  readonly members = new Map<string, Member>();
  readonly messages = new Map<bigint, Message>();
  /** Identity -> until when (this browser's clock) it shows as typing. */
  readonly typing = new Map<string, number>();

  constructor(readonly name: string) {}

  get ended(): boolean {
    return this.channel?.state === ChannelState.INACTIVE;
  }

  /** Adds or updates a message; an older copy never replaces a newer one. */
  putMessage(message: Message): void {
    const known = this.messages.get(message.index);
    if (known && ms(known.updateTime) > ms(message.updateTime)) {
      return;
    }
    this.messages.set(message.index, message);
    // Whoever wrote has stopped typing.
    this.typing.delete(message.author);
  }

  /** Adds or updates a member; a read horizon never moves backwards. */
  putMember(member: Member): void {
    const known = this.members.get(member.identity);
    if (
      known?.lastReadIndex !== undefined &&
      (member.lastReadIndex === undefined || member.lastReadIndex < known.lastReadIndex)
    ) {
      member = { ...member, lastReadIndex: known.lastReadIndex };
    }
    this.members.set(member.identity, member);
  }

  putChannel(channel: Channel): void {
    if (!this.channel || ms(this.channel.updateTime) <= ms(channel.updateTime) || channel.state === ChannelState.INACTIVE) {
      this.channel = channel;
    }
  }

  /** The messages in order. */
  sorted(): Message[] {
    return [...this.messages.values()].sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
  }

  lastIndex(): bigint | undefined {
    let last: bigint | undefined;
    for (const index of this.messages.keys()) {
      if (last === undefined || index > last) {
        last = index;
      }
    }
    return last;
  }

  /** Who is typing now, but `self`. */
  typists(self: string, now: number = Date.now()): string[] {
    const typing = [];
    for (const [identity, until] of this.typing) {
      if (until <= now) {
        this.typing.delete(identity);
      } else if (identity !== self) {
        typing.push(identity);
      }
    }
    return typing;
  }

  /** A member's name as people see it. */
  nameOf(identity: string): string {
    const member = this.members.get(identity);
    return member?.displayName || identity;
  }

  /**
   * Applies an event if it is about this conversation; says whether it was.
   * (`MEMBER_LEFT` of a member and `CHANNEL_DELETED` are left to the caller too.)
   */
  apply(event: Event): boolean {
    const { payload } = event;
    switch (payload.case) {
      case "message":
        if (channelOf(payload.value.name) !== this.name) {
          return false;
        }
        if (event.type === EventType.MESSAGE_DELETED) {
          this.messages.delete(payload.value.index);
        } else {
          this.putMessage(payload.value);
        }
        return true;
      case "member":
        if (channelOf(payload.value.name) !== this.name) {
          return false;
        }
        if (event.type === EventType.MEMBER_LEFT) {
          this.members.delete(payload.value.identity);
        } else {
          this.putMember(payload.value);
        }
        return true;
      case "channel":
        if (payload.value.name !== this.name) {
          return false;
        }
        this.putChannel(payload.value);
        return true;
      case "typing":
        if (payload.value.channel !== this.name) {
          return false;
        }
        this.typing.set(payload.value.identity, Date.now() + TYPING_SHOWN_MS);
        return true;
      default:
        return false;
    }
  }
}

/** Calls `send` at most once every TYPING_EVERY_MS, however often `typed()` is called. */
export class TypingNotifier {
  private last = 0;

  constructor(private readonly send: () => Promise<unknown>) {}

  typed(): void {
    const now = Date.now();
    if (now - this.last < TYPING_EVERY_MS) {
      return;
    }
    this.last = now;
    // Typing is a courtesy: a failure to say so is not worth telling anyone.
    this.send().catch(() => undefined);
  }

  /** After a message is sent, the next keystroke tells again. */
  reset(): void {
    this.last = 0;
  }
}

/** A message's time, "14:05", in the browser's locale and time zone. */
export function clockTime(time: Timestamp | undefined): string {
  if (!time) {
    return "";
  }
  return new Date(timestampMs(time)).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** A media link as it may be followed: only web addresses (never `javascript:` and the like). */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : "#";
  } catch {
    return "#";
  }
}
