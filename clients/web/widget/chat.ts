// A visitor's web chat, without any DOM: start it (StartWebchat, no credential),
// keep its customer token for the token's life, read its history, follow it
// live, write, say when typing, and mark what the visitor has read.

import { createClient } from "@connectrpc/connect";
import type { Client } from "@connectrpc/connect";
import { Code } from "@connectrpc/connect";
import { ChannelService, EngagementService, EventService, EventType, ChannelState } from "@relaydesk/client";
import type { Event, Message } from "@relaydesk/client";

import { claimsOf, localExpiry } from "../shared/claims.js";
import { Conversation, TypingNotifier } from "../shared/conversation.js";
import { EventFollower } from "../shared/follow.js";
import type { FollowState } from "../shared/follow.js";
import { codeOf, readable, requestId, transportTo } from "../shared/rpc.js";

/** What the browser keeps of a chat (localStorage), until the token expires. */
interface Kept {
  token: string;
  channel: string;
  identity: string;
  /** When the token expires, by this browser's clock (ms). */
  expiresAt: number;
  /** Whether the panel was open: a visitor who moves to another page finds it as it was. */
  open: boolean;
}

/** `idle`: no chat yet; `chatting`; `ended`: the conversation is over (closed). */
export type Phase = "idle" | "starting" | "chatting" | "ended";

export class WebChat {
  phase: Phase = "idle";
  connection: FollowState = "stopped";
  /** The last failure, as text for the visitor (cleared by the next success). */
  error = "";
  /** Said once a kept chat could not be continued (its token expired). */
  notice = "";
  conversation: Conversation | undefined;
  identity = "";
  private kept: Kept | undefined;
  private channels: Client<typeof ChannelService> | undefined;
  private follower: EventFollower | undefined;
  private typingNotifier: TypingNotifier | undefined;
  private readThrough: bigint | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly server: string,
    readonly flow: string,
    private readonly changed: () => void,
  ) {}

  private get key(): string {
    return `relaydesk-chat|${this.server}|${this.flow}`;
  }

  /** Whether the chat panel was left open. */
  get wasOpen(): boolean {
    return this.kept?.open ?? false;
  }

  /** Continues the chat this browser kept for this server and flow, if its token lives. */
  resume(): void {
    const kept = this.load();
    if (kept) {
      this.begin(kept);
    }
  }

  /** Starts a chat (or finds the one this visitor has): StartWebchat, anonymously. */
  async start(displayName: string): Promise<void> {
    if (this.phase !== "idle") {
      return;
    }
    this.phase = "starting";
    this.error = "";
    this.notice = "";
    this.changed();
    try {
      const engagements = createClient(EngagementService, transportTo(this.server));
      const started = await engagements.startWebchat({
        flow: this.flow,
        displayName: displayName.trim(),
        // What an agent is glad to know first: where the visitor is, and their name.
        preEngagement: { page: pageAddress(), ...(displayName.trim() ? { name: displayName.trim() } : {}) },
        requestId: requestId(),
      });
      const claims = claimsOf(started.customerToken);
      if (!started.channel || !claims) {
        throw new Error("the server's answer has no conversation or no token");
      }
      const kept: Kept = {
        token: started.customerToken,
        channel: started.channel.name,
        identity: claims.sub,
        expiresAt: localExpiry(claims),
        open: true,
      };
      this.save(kept);
      this.begin(kept);
      this.conversation?.putChannel(started.channel);
    } catch (error) {
      this.phase = "idle";
      this.error = readable(error);
    }
    this.changed();
  }

  /** Sends what the visitor wrote; resolves true once the server has it. */
  async send(body: string): Promise<boolean> {
    const text = body.trim();
    if (!text || !this.channels || !this.conversation || this.phase !== "chatting") {
      return false;
    }
    try {
      const { message } = await this.channels.sendMessage({
        parent: this.conversation.name,
        body: text,
        requestId: requestId(),
      });
      if (message) {
        this.conversation.putMessage(message);
      }
      this.typingNotifier?.reset();
      this.error = "";
      this.changed();
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  /** The visitor is typing: the agent hears of it (now and then). */
  typed(): void {
    if (this.phase === "chatting") {
      this.typingNotifier?.typed();
    }
  }

  /** The visitor sees the conversation: its read horizon moves to the last message. */
  async read(): Promise<void> {
    const conversation = this.conversation;
    const me = conversation?.members.get(this.identity);
    const last = conversation?.lastIndex();
    if (!this.channels || !me || last === undefined || this.phase !== "chatting") {
      return;
    }
    if ((me.lastReadIndex !== undefined && me.lastReadIndex >= last) || (this.readThrough ?? -1n) >= last) {
      return;
    }
    this.readThrough = last;
    try {
      const { member } = await this.channels.updateReadHorizon({ name: me.name, lastReadIndex: last, requestId: requestId() });
      if (member) {
        conversation?.putMember(member);
      }
    } catch {
      this.readThrough = undefined; // tried again on the next look
    }
  }

  /** Remembers whether the panel is open. */
  setOpen(open: boolean): void {
    if (this.kept && this.kept.open !== open) {
      this.save({ ...this.kept, open });
    }
  }

  /** Leaves a finished conversation behind: the next start is a new chat. */
  forget(): void {
    this.stop();
    localStorage.removeItem(this.key);
    this.kept = undefined;
    this.conversation = undefined;
    this.phase = "idle";
    this.error = "";
    this.changed();
  }

  /** Stops following (the element left the page). */
  stop(): void {
    this.follower?.close();
    this.follower = undefined;
    clearTimeout(this.expiry);
  }

  private begin(kept: Kept): void {
    this.stop();
    this.kept = kept;
    this.identity = kept.identity;
    this.phase = "chatting";
    const transport = transportTo(this.server, kept.token);
    const channels = (this.channels = createClient(ChannelService, transport));
    const events = createClient(EventService, transport);
    const conversation = (this.conversation = new Conversation(kept.channel));
    this.typingNotifier = new TypingNotifier(() => channels.sendTyping({ parent: conversation.name }));
    this.readThrough = undefined;
    // The token ends the chat when it expires, whether or not a call notices.
    this.expiry = setTimeout(() => this.expired(), Math.max(0, kept.expiresAt - Date.now()));
    const follower = (this.follower = new EventFollower({
      subscribe: events.subscribe,
      request: { channels: [conversation.name], includeTyping: true },
      resync: () => this.resync(channels, conversation),
      onEvent: (event) => this.onEvent(event),
      onState: (state, error) => {
        this.connection = state;
        if (state === "stopped" && error !== undefined) {
          this.failed(error);
          if (codeOf(error) === Code.PermissionDenied) {
            this.forget(); // the conversation is gone (deleted): a new one can start
            this.notice = "That chat is no longer available. Start a new one whenever you like.";
          }
        }
        this.changed();
      },
      isFatal: (error) => codeOf(error) === Code.Unauthenticated || codeOf(error) === Code.PermissionDenied,
    }));
    void follower.start();
  }

  private async resync(channels: Client<typeof ChannelService>, conversation: Conversation): Promise<void> {
    const [channel, members, messages] = await Promise.all([
      channels.getChannel({ name: conversation.name }),
      channels.listMembers({ parent: conversation.name, pageSize: 1000 }),
      allMessages(channels, conversation.name),
    ]);
    if (channel.channel) {
      conversation.putChannel(channel.channel);
    }
    for (const member of members.members) {
      conversation.putMember(member);
    }
    for (const message of messages) {
      conversation.putMessage(message);
    }
    this.checkEnded();
    this.changed();
  }

  private onEvent(event: Event): void {
    const conversation = this.conversation;
    if (!conversation || event.type === EventType.HEARTBEAT) {
      return;
    }
    if (conversation.apply(event)) {
      if (event.type === EventType.CHANNEL_CLOSED) {
        this.endConversation();
      }
      this.checkEnded();
      this.changed();
      if (event.type === EventType.TYPING) {
        // Hide the indicator once it is stale, even if nothing else happens.
        setTimeout(() => this.changed(), 6_500);
      }
    }
  }

  private checkEnded(): void {
    if (this.phase === "chatting" && this.conversation?.channel?.state === ChannelState.INACTIVE) {
      this.endConversation();
    }
  }

  private endConversation(): void {
    this.phase = "ended";
    // Nothing more will be said in a closed conversation.
    this.follower?.close();
    this.connection = "stopped";
  }

  private expired(): void {
    this.forget();
    this.notice = "Your previous chat has expired. Start a new one whenever you like.";
    this.changed();
  }

  private failed(error: unknown): void {
    if (codeOf(error) === Code.Unauthenticated) {
      this.expired();
      return;
    }
    this.error = readable(error);
    this.changed();
  }

  private load(): Kept | undefined {
    try {
      const raw = localStorage.getItem(this.key);
      const kept = raw ? (JSON.parse(raw) as Kept) : undefined;
      if (!kept || typeof kept.token !== "string" || typeof kept.channel !== "string") {
        return undefined;
      }
      if (!(kept.expiresAt > Date.now())) {
        localStorage.removeItem(this.key);
        return undefined;
      }
      return kept;
    } catch {
      return undefined; // storage off, or not ours
    }
  }

  private save(kept: Kept): void {
    this.kept = kept;
    try {
      localStorage.setItem(this.key, JSON.stringify(kept));
    } catch {
      // storage off: the chat works, a reload starts anew
    }
  }
}

/** Every message of a channel, oldest first. */
async function allMessages(channels: Client<typeof ChannelService>, channel: string): Promise<Message[]> {
  const all: Message[] = [];
  let pageToken = "";
  do {
    const page = await channels.listMessages({ parent: channel, pageSize: 1000, pageToken });
    all.push(...page.messages);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return all;
}

/** The page the chat started on, without its fragment, cut to a sensible length. */
function pageAddress(): string {
  return (location.origin + location.pathname + location.search).slice(0, 1024);
}
