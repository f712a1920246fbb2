// The agent desktop's one store: what the signed-in agent sees (its worker,
// offers, the conversations it holds), read with List RPCs and kept current by
// EventService.Subscribe, and the actions it takes. No DOM here: the view
// (app.ts) renders the store whenever it says it changed.

import { Code } from "@connectrpc/connect";
import { timestampMs } from "@bufbuild/protobuf/wkt";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import {
  EventType,
  ReservationStatus,
  TaskStatus,
  createClients,
} from "@relaydesk/client";
import type { Activity, Event as RelaydeskEvent, Message, Queue, Relaydesk, Reservation, Task, Worker } from "@relaydesk/client";

import { claimsOf } from "../shared/claims.js";
import { Conversation, TYPING_SHOWN_MS, TypingNotifier } from "../shared/conversation.js";
import { EventFollower } from "../shared/follow.js";
import type { FollowState } from "../shared/follow.js";
import { codeOf, readable, requestId, transportTo } from "../shared/rpc.js";

/** An offer made to this agent, waiting for an answer. */
export interface Offer {
  reservation: Reservation;
  /** The offered task (its customer, channel type), once read. */
  task?: Task;
}

/** A conversation the agent holds: its task and its channel's messages. */
export interface Held {
  task: Task;
  conversation: Conversation | undefined;
}

/** Sign-in failed, with a sentence for the agent. */
export class SignInError extends Error {}

const HELD = new Set([TaskStatus.ASSIGNED, TaskStatus.WRAPPING]);

export class Desk extends EventTarget {
  worker: Worker;
  activities: Activity[] = [];
  queues: Queue[] = [];
  readonly offers = new Map<string, Offer>();
  readonly tasks = new Map<string, Task>();
  readonly conversations = new Map<string, Conversation>();
  /** The task whose conversation is shown. */
  selected: string | undefined;
  connection: FollowState = "connecting";
  /** The last failed action, as text (cleared by `dismiss()`). */
  error = "";
  /** Set once the credential stopped working: why the agent must sign in again. */
  signedOut = "";
  private readonly follower: EventFollower;
  private readonly typingNotifiers = new Map<string, TypingNotifier>();
  private readonly reading = new Set<string>();
  /** Server time minus this browser's time (ms): the largest seen, since each sighting is a lower bound. */
  private serverOffset: number | undefined;

  private constructor(
    readonly identity: string,
    readonly rd: Relaydesk,
    worker: Worker,
  ) {
    super();
    this.worker = worker;
    this.follower = new EventFollower({
      subscribe: rd.events.subscribe,
      request: { includeTyping: true },
      resync: () => this.resync(),
      onEvent: (event) => this.onEvent(event),
      onState: (state, error) => {
        this.connection = state;
        if (state === "stopped" && error !== undefined) {
          this.signedOut = `The server no longer accepts this token (${readable(error).split("\n")[0]}): sign in again.`;
        }
        this.changed();
      },
      isFatal: (error) => codeOf(error) === Code.Unauthenticated,
    });
  }

  /** Checks an agent token (it must name a worker) and starts following its events. */
  static async signIn(baseUrl: string, token: string): Promise<Desk> {
    const claims = claimsOf(token);
    if (!claims) {
      throw new SignInError("That is not an access token: paste the whole token, three parts separated by dots.");
    }
    if (claims.role && claims.role !== "AGENT") {
      throw new SignInError(`That token is for a ${claims.role.toLowerCase()}: the desktop needs an agent's token.`);
    }
    const rd = createClients(transportTo(baseUrl, token.trim()));
    let worker: Worker | undefined;
    try {
      // An agent lists its own worker only.
      const { workers } = await rd.workforce.listWorkers({});
      worker = workers.find((w) => w.identity === claims.sub) ?? workers[0];
    } catch (error) {
      if (codeOf(error) === Code.Unauthenticated) {
        throw new SignInError(`The server refused this token: ${readable(error).split("\n")[0]}`);
      }
      throw new SignInError(readable(error));
    }
    if (!worker) {
      throw new SignInError(`No worker has the identity "${claims.sub}": an administrator creates one first.`);
    }
    const desk = new Desk(claims.sub, rd, worker);
    void desk.follower.start();
    return desk;
  }

  signOut(): void {
    this.follower.close();
  }

  /** The activity the worker is in. */
  get activity(): Activity | undefined {
    return this.activities.find((a) => a.name === this.worker.activity);
  }

  /** The conversations held, oldest task first. */
  held(): Held[] {
    return [...this.tasks.values()]
      .sort((a, b) => ms(a.createTime) - ms(b.createTime))
      .map((task) => ({ task, conversation: this.conversations.get(task.channel) }));
  }

  /** Milliseconds left before an offer expires, by the server's clock. */
  timeLeft(reservation: Reservation): number {
    return ms(reservation.expireTime) - this.serverNow();
  }

  dismiss(): void {
    this.error = "";
    this.changed();
  }

  // -- actions ---------------------------------------------------------------

  async setActivity(activity: string): Promise<void> {
    await this.act(async () => {
      const { worker } = await this.rd.workforce.setWorkerActivity({
        name: this.worker.name,
        activity,
        requestId: requestId(),
      });
      if (worker) {
        this.worker = worker;
      }
    });
  }

  async accept(reservation: string): Promise<void> {
    await this.act(async () => {
      const offer = this.offers.get(reservation);
      await this.rd.tasks.acceptReservation({ name: reservation, requestId: requestId() });
      this.offers.delete(reservation);
      if (offer) {
        // The task event brings it too; reading it now shows it at once.
        const { task } = await this.rd.tasks.getTask({ name: offer.reservation.task });
        if (task) {
          this.onTask(task);
          this.selected = task.name;
        }
      }
    });
  }

  async reject(reservation: string): Promise<void> {
    await this.act(async () => {
      await this.rd.tasks.rejectReservation({ name: reservation, requestId: requestId() });
      this.offers.delete(reservation);
    });
  }

  /** Sends a reply; resolves true once the server has it. */
  async reply(taskName: string, body: string): Promise<boolean> {
    const task = this.tasks.get(taskName);
    if (!task || !body.trim()) {
      return false;
    }
    return this.act(async () => {
      const { message } = await this.rd.channels.sendMessage({ parent: task.channel, body: body.trim(), requestId: requestId() });
      if (message) {
        this.conversations.get(task.channel)?.putMessage(message);
      }
      this.typingNotifiers.get(task.channel)?.reset();
    });
  }

  typed(taskName: string): void {
    const channel = this.tasks.get(taskName)?.channel;
    if (!channel) {
      return;
    }
    let notifier = this.typingNotifiers.get(channel);
    if (!notifier) {
      notifier = new TypingNotifier(() => this.rd.channels.sendTyping({ parent: channel }));
      this.typingNotifiers.set(channel, notifier);
    }
    notifier.typed();
  }

  /** The agent sees a conversation: its read horizon moves to the last message. */
  async read(taskName: string): Promise<void> {
    const channel = this.tasks.get(taskName)?.channel;
    const conversation = channel ? this.conversations.get(channel) : undefined;
    const me = conversation?.members.get(this.identity);
    const last = conversation?.lastIndex();
    if (!conversation || !me || last === undefined || this.reading.has(conversation.name)) {
      return;
    }
    if (me.lastReadIndex !== undefined && me.lastReadIndex >= last) {
      return;
    }
    this.reading.add(conversation.name);
    try {
      const { member } = await this.rd.channels.updateReadHorizon({ name: me.name, lastReadIndex: last, requestId: requestId() });
      if (member) {
        conversation.putMember(member);
        this.changed();
      }
    } catch {
      // Marking as read is tried again the next time the agent looks.
    } finally {
      this.reading.delete(conversation.name);
    }
  }

  async transfer(taskName: string, target: { queue: string } | { workerIdentity: string }): Promise<boolean> {
    return this.act(async () => {
      const { task } = await this.rd.tasks.transferTask({
        name: taskName,
        target: "queue" in target ? { case: "queue", value: target.queue } : { case: "workerIdentity", value: target.workerIdentity },
        requestId: requestId(),
      });
      if (task) {
        this.onTask(task);
      }
    });
  }

  async wrapUp(taskName: string): Promise<void> {
    await this.act(async () => {
      const { task } = await this.rd.tasks.wrapUpTask({ name: taskName, requestId: requestId() });
      if (task) {
        this.onTask(task);
      }
    });
  }

  async complete(taskName: string): Promise<void> {
    await this.act(async () => {
      const { task } = await this.rd.tasks.completeTask({ name: taskName, requestId: requestId() });
      if (task) {
        this.onTask(task);
      }
    });
  }

  /** Runs an action, showing its failure; true when it succeeded. */
  private async act(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      this.error = "";
      return true;
    } catch (error) {
      this.error = readable(error);
      if (codeOf(error) === Code.Unauthenticated) {
        this.signedOut = "The server no longer accepts this token: sign in again.";
      }
      return false;
    } finally {
      this.changed();
    }
  }

  // -- the state, read and followed ---------------------------------------------

  /** Reads everything afresh (at sign-in, and when the stream could not resume). */
  private async resync(): Promise<void> {
    const rd = this.rd;
    const [workers, activities, queues] = await Promise.all([
      rd.workforce.listWorkers({}),
      rd.workforce.listActivities({ pageSize: 1000 }),
      rd.workforce.listQueues({ pageSize: 1000 }),
    ]);
    const worker = workers.workers.find((w) => w.name === this.worker.name) ?? workers.workers[0];
    if (worker) {
      this.worker = worker;
    }
    this.activities = activities.activities;
    this.queues = queues.queues;
    const [assigned, wrapping, pending] = await Promise.all([
      rd.tasks.listTasks({ worker: this.worker.name, status: TaskStatus.ASSIGNED, pageSize: 1000 }),
      rd.tasks.listTasks({ worker: this.worker.name, status: TaskStatus.WRAPPING, pageSize: 1000 }),
      rd.tasks.listReservations({ parent: "tasks/-", worker: this.worker.name, status: ReservationStatus.PENDING, pageSize: 1000 }),
    ]);
    const held = [...assigned.tasks, ...wrapping.tasks];
    const conversations = await Promise.all(held.map((task) => this.readConversation(task.channel)));
    const offered = await Promise.all(
      pending.reservations.map(async (reservation) => ({
        reservation,
        task: this.offers.get(reservation.name)?.task ?? (await this.offeredTask(reservation.task)),
      })),
    );
    this.tasks.clear();
    this.conversations.clear();
    this.offers.clear();
    for (const task of held) {
      this.tasks.set(task.name, task);
    }
    for (const conversation of conversations) {
      if (conversation) {
        this.conversations.set(conversation.name, conversation);
      }
    }
    for (const offer of offered) {
      this.observe(offer.reservation.createTime);
      this.offers.set(offer.reservation.name, offer);
    }
    if (this.selected && !this.tasks.has(this.selected)) {
      this.selected = undefined;
    }
    this.selected ??= held[0]?.name;
    this.changed();
  }

  /** A conversation's channel, members and every message. */
  private async readConversation(channel: string): Promise<Conversation | undefined> {
    if (!channel) {
      return undefined;
    }
    const conversation = new Conversation(channel);
    const [got, members, messages] = await Promise.all([
      this.rd.channels.getChannel({ name: channel }),
      this.rd.channels.listMembers({ parent: channel, pageSize: 1000 }),
      this.allMessages(channel),
    ]);
    if (got.channel) {
      conversation.putChannel(got.channel);
    }
    for (const member of members.members) {
      conversation.putMember(member);
    }
    for (const message of messages) {
      conversation.putMessage(message);
    }
    return conversation;
  }

  private async allMessages(channel: string): Promise<Message[]> {
    const all: Message[] = [];
    let pageToken = "";
    do {
      const page = await this.rd.channels.listMessages({ parent: channel, pageSize: 1000, pageToken });
      all.push(...page.messages);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return all;
  }

  private async offeredTask(name: string): Promise<Task | undefined> {
    try {
      return (await this.rd.tasks.getTask({ name })).task;
    } catch {
      return undefined; // shown without its details
    }
  }

  private onEvent(event: RelaydeskEvent): void {
    this.observe(event.createTime);
    const { payload } = event;
    switch (payload.case) {
      case "heartbeat":
        this.observe(payload.value.serverTime);
        return; // nothing changed
      case "worker":
        if (payload.value.name === this.worker.name && event.type !== EventType.WORKER_DELETED) {
          this.worker = payload.value;
        }
        break;
      case "reservation":
        this.onReservation(payload.value);
        break;
      case "task":
        this.onTask(payload.value);
        break;
      case "member":
        if (event.type === EventType.MEMBER_LEFT && payload.value.identity === this.identity) {
          // Transferred away, or removed: the conversation is no longer ours.
          this.letGo(payload.value.name.split("/").slice(0, 2).join("/"));
          break;
        }
        this.applyToConversation(event);
        break;
      case "typing":
        if (this.applyToConversation(event)) {
          setTimeout(() => this.changed(), TYPING_SHOWN_MS + 100);
        }
        break;
      case "channel":
        if (event.type === EventType.CHANNEL_DELETED) {
          this.letGo(payload.value.name);
          break;
        }
        this.applyToConversation(event);
        break;
      default:
        this.applyToConversation(event);
    }
    this.changed();
  }

  private applyToConversation(event: RelaydeskEvent): boolean {
    for (const conversation of this.conversations.values()) {
      if (conversation.apply(event)) {
        return true;
      }
    }
    return false;
  }

  private onReservation(reservation: Reservation): void {
    if (reservation.worker !== this.worker.name) {
      return;
    }
    if (reservation.status !== ReservationStatus.PENDING) {
      this.offers.delete(reservation.name);
      return;
    }
    const known = this.offers.get(reservation.name);
    this.offers.set(reservation.name, { reservation, ...(known?.task ? { task: known.task } : {}) });
    if (!known?.task) {
      void this.offeredTask(reservation.task).then((task) => {
        const offer = this.offers.get(reservation.name);
        if (task && offer) {
          offer.task = task;
          this.changed();
        }
      });
    }
  }

  private onTask(task: Task): void {
    for (const offer of this.offers.values()) {
      if (offer.reservation.task === task.name) {
        offer.task = task;
      }
    }
    const mine = task.worker === this.worker.name && HELD.has(task.status);
    if (!mine) {
      if (this.tasks.delete(task.name)) {
        this.forgetChannel(task.channel);
      }
      return;
    }
    this.tasks.set(task.name, task);
    this.selected ??= task.name;
    if (task.channel && !this.conversations.has(task.channel)) {
      // Events for it merge in while its history is read.
      this.conversations.set(task.channel, new Conversation(task.channel));
      void this.readConversation(task.channel).then(
        (read) => {
          const live = this.conversations.get(task.channel);
          if (read && live) {
            merge(read, live);
            this.changed();
          }
        },
        (error: unknown) => {
          this.error = `Could not read the conversation ${task.channel}: ${readable(error)}`;
          this.changed();
        },
      );
    }
  }

  /** The agent left a channel: its tasks and conversation go from the desktop. */
  private letGo(channel: string): void {
    for (const task of [...this.tasks.values()]) {
      if (task.channel === channel) {
        this.tasks.delete(task.name);
      }
    }
    this.forgetChannel(channel);
  }

  private forgetChannel(channel: string): void {
    if ([...this.tasks.values()].some((t) => t.channel === channel)) {
      return;
    }
    this.conversations.delete(channel);
    this.typingNotifiers.delete(channel);
    if (this.selected && !this.tasks.has(this.selected)) {
      this.selected = this.held()[0]?.task.name;
    }
  }

  private observe(time: Timestamp | undefined): void {
    if (time) {
      const offset = timestampMs(time) - Date.now();
      this.serverOffset = this.serverOffset === undefined ? offset : Math.max(this.serverOffset, offset);
    }
  }

  private serverNow(): number {
    return Date.now() + (this.serverOffset ?? 0);
  }

  private changed(): void {
    this.dispatchEvent(new Event("change"));
  }
}

/** Copies what was read into the conversation the events kept meanwhile (events are newer). */
function merge(read: Conversation, live: Conversation): void {
  if (read.channel) {
    live.putChannel(read.channel);
  }
  for (const member of read.members.values()) {
    const kept = live.members.get(member.identity);
    // A read horizon only moves forwards: putMember keeps the further one.
    live.putMember(kept ? { ...kept, lastReadIndex: member.lastReadIndex } : member);
  }
  for (const message of read.messages.values()) {
    live.putMessage(message);
  }
}

function ms(time: Timestamp | undefined): number {
  return time ? timestampMs(time) : 0;
}

