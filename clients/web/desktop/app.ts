// The agent desktop: <relaydesk-desktop>, rendered from the one store (desk.ts).
// Light DOM, styled by app.css; stable ids and data-testid attributes for tests.

import { LitElement, html, nothing } from "lit";
import type { TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import { timestampMs } from "@bufbuild/protobuf/wkt";
import { ChannelState, DeliveryStatus, MemberRole, MessageDirection, TaskStatus } from "@relaydesk/client";
import type { Message, Task } from "@relaydesk/client";

import { Conversation, clockTime, safeUrl } from "../shared/conversation.js";
import { Desk, SignInError } from "./desk.js";
import type { Offer } from "./desk.js";

const TOKEN_KEY = "relaydesk-desktop-token";

/** Where the desktop was served from is the relaydesk endpoint it talks to. */
function baseUrl(): string {
  return new URL("./", document.baseURI).href.replace(/\/+$/, "");
}

export class RelaydeskDesktop extends LitElement {
  private desk: Desk | undefined;
  private signingIn = false;
  private signInError = "";
  private readonly drafts = new Map<string, string>();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private shownThrough = new Map<string, bigint>();
  private readonly onChange = () => this.requestUpdate();
  private readonly onVisibility = () => this.requestUpdate();

  protected override createRenderRoot(): HTMLElement {
    return this; // light DOM: app.css styles it
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("visibilitychange", this.onVisibility);
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      void this.signIn(token);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisibility);
    clearInterval(this.ticker);
    this.desk?.signOut();
  }

  private async signIn(token: string): Promise<void> {
    this.signingIn = true;
    this.signInError = "";
    this.requestUpdate();
    try {
      const desk = await Desk.signIn(baseUrl(), token);
      sessionStorage.setItem(TOKEN_KEY, token.trim());
      desk.addEventListener("change", this.onChange);
      this.desk = desk;
      // Offers count down every second.
      this.ticker = setInterval(() => {
        if (this.desk?.offers.size) {
          this.requestUpdate();
        }
      }, 1000);
    } catch (error) {
      this.signInError = error instanceof SignInError ? error.message : String(error);
      sessionStorage.removeItem(TOKEN_KEY);
    } finally {
      this.signingIn = false;
      this.requestUpdate();
    }
  }

  private signOut(reason = ""): void {
    this.desk?.removeEventListener("change", this.onChange);
    this.desk?.signOut();
    this.desk = undefined;
    clearInterval(this.ticker);
    sessionStorage.removeItem(TOKEN_KEY);
    this.signInError = reason;
    this.requestUpdate();
  }

  protected override updated(): void {
    const desk = this.desk;
    if (desk?.signedOut) {
      this.signOut(desk.signedOut);
      return;
    }
    const selected = desk?.selected;
    if (!desk || !selected) {
      return;
    }
    const channel = desk.tasks.get(selected)?.channel ?? "";
    const last = desk.conversations.get(channel)?.lastIndex();
    if (last !== undefined && this.shownThrough.get(channel) !== last) {
      this.shownThrough.set(channel, last);
      const log = this.querySelector("#message-log");
      log?.scrollTo({ top: log.scrollHeight });
    }
    if (document.visibilityState === "visible") {
      void desk.read(selected);
    }
  }

  protected override render(): TemplateResult {
    return this.desk ? this.renderDesk(this.desk) : this.renderSignIn();
  }

  // -- signing in --------------------------------------------------------------

  private renderSignIn(): TemplateResult {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const field = this.querySelector<HTMLTextAreaElement>("#token");
      if (field?.value.trim()) {
        void this.signIn(field.value);
      }
    };
    return html`
      <main class="signin">
        <form @submit=${submit} aria-labelledby="signin-title">
          <h1 id="signin-title">relaydesk <span>agent desktop</span></h1>
          <label for="token">Agent token</label>
          <textarea
            id="token"
            data-testid="signin-token"
            rows="4"
            required
            autocomplete="off"
            spellcheck="false"
            placeholder="eyJhbGciOi…"
          ></textarea>
          <p class="hint">
            Paste the access token your administrator gave you (<code>relaydesk token --identity you --role agent</code>).
            It is kept in this tab only, until you sign out.
          </p>
          <button class="primary" type="submit" data-testid="signin-submit" ?disabled=${this.signingIn}>
            ${this.signingIn ? "Signing in…" : "Sign in"}
          </button>
          ${this.signInError
            ? html`<p class="error" role="alert" data-testid="signin-error">${this.signInError}</p>`
            : nothing}
        </form>
      </main>
    `;
  }

  // -- the desk ------------------------------------------------------------------

  private renderDesk(desk: Desk): TemplateResult {
    const selected = desk.selected ? desk.tasks.get(desk.selected) : undefined;
    return html`
      <header class="topbar">
        <h1>relaydesk</h1>
        <div class="me">
          <span class="identity" data-testid="agent-identity">${desk.worker.displayName || desk.identity}</span>
          <span class="worker" data-testid="worker-name">${desk.worker.name}</span>
        </div>
        <label class="activity">
          Activity
          <select
            id="activity"
            data-testid="activity-select"
            @change=${(e: Event) => void desk.setActivity((e.target as HTMLSelectElement).value)}
          >
            ${desk.activities.length === 0 ? html`<option value="">…</option>` : nothing}
            ${desk.activities.map(
              (a) => html`<option value=${a.name} .selected=${live(a.name === desk.worker.activity)}>${a.displayName}</option>`,
            )}
          </select>
        </label>
        <span
          class="connection ${desk.connection}"
          role="status"
          data-testid="connection-status"
          data-state=${desk.connection}
        >
          ${{ connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", stopped: "Offline" }[desk.connection]}
        </span>
        <button class="quiet" data-testid="sign-out" @click=${() => this.signOut()}>Sign out</button>
      </header>
      ${desk.error
        ? html`<div class="banner" role="alert" data-testid="error-banner">
            <pre>${desk.error}</pre>
            <button class="quiet" @click=${() => desk.dismiss()} aria-label="Dismiss the error">Dismiss</button>
          </div>`
        : nothing}
      <div class="workspace">
        <aside class="sidebar">
          ${this.renderOffers(desk)} ${this.renderList(desk)}
        </aside>
        ${selected
          ? this.renderConversation(desk, selected, desk.conversations.get(selected.channel))
          : html`<section class="conversation empty-state" data-testid="no-conversation">
              <p>${desk.tasks.size ? "Choose a conversation." : "No conversations yet."}</p>
            </section>`}
      </div>
    `;
  }

  private renderOffers(desk: Desk): TemplateResult {
    const offers = [...desk.offers.values()];
    return html`
      <section class="offers" aria-labelledby="offers-title">
        <h2 id="offers-title">Offers <span class="count">${offers.length || ""}</span></h2>
        <p class="visually-hidden" aria-live="polite">
          ${offers.length === 1 ? "1 offer is waiting" : offers.length ? `${offers.length} offers are waiting` : ""}
        </p>
        ${offers.length === 0
          ? html`<p class="empty">
              ${desk.worker.available ? "Waiting for the next conversation." : "Go Available to receive conversations."}
            </p>`
          : html`<ul data-testid="offers">
              ${offers.map((offer) => this.renderOffer(desk, offer))}
            </ul>`}
      </section>
    `;
  }

  private renderOffer(desk: Desk, offer: Offer): TemplateResult {
    const left = desk.timeLeft(offer.reservation);
    const label = offer.task ? describeTask(offer.task) : offer.reservation.task;
    return html`
      <li class="offer" data-testid="offer" data-reservation=${offer.reservation.name}>
        <div class="offer-what">
          <strong>${label}</strong>
          <span class="channel-kind">${offer.task ? channelKind(offer.task) : ""}</span>
        </div>
        <span class="time-left ${left < 15_000 ? "urgent" : ""}" data-testid="offer-time-left">
          ${left > 0 ? `${minutesSeconds(left)} left` : "expiring…"}
        </span>
        <div class="offer-actions">
          <button class="primary" data-testid="offer-accept" @click=${() => void desk.accept(offer.reservation.name)}>
            Accept
          </button>
          <button class="quiet" data-testid="offer-reject" @click=${() => void desk.reject(offer.reservation.name)}>
            Reject
          </button>
        </div>
      </li>
    `;
  }

  private renderList(desk: Desk): TemplateResult {
    const held = desk.held();
    return html`
      <section class="held" aria-labelledby="held-title">
        <h2 id="held-title">Conversations <span class="count">${held.length || ""}</span></h2>
        ${held.length === 0
          ? html`<p class="empty">None yet: accepted offers appear here.</p>`
          : html`<ul data-testid="conversations">
              ${held.map(({ task, conversation }) => {
                const unread = unreadCount(conversation, desk.identity);
                const last = conversation?.sorted().at(-1);
                return html`<li>
                  <button
                    class="conversation-item"
                    data-testid="conversation-item"
                    data-task=${task.name}
                    aria-current=${desk.selected === task.name ? "true" : "false"}
                    @click=${() => {
                      desk.selected = task.name;
                      this.requestUpdate();
                    }}
                  >
                    <span class="who">${describeTask(task)}</span>
                    <span class="channel-kind">${channelKind(task)}</span>
                    ${task.status === TaskStatus.WRAPPING ? html`<span class="badge">Wrapping up</span>` : nothing}
                    ${unread ? html`<span class="unread" aria-label="${unread} unread">${unread}</span>` : nothing}
                    <span class="preview">${last?.body ?? ""}</span>
                  </button>
                </li>`;
              })}
            </ul>`}
      </section>
    `;
  }

  private renderConversation(desk: Desk, task: Task, conversation: Conversation | undefined): TemplateResult {
    const messages = conversation?.sorted() ?? [];
    const customer = [...(conversation?.members.values() ?? [])].find((m) => m.role === MemberRole.CUSTOMER);
    const customerRead = customer?.lastReadIndex;
    const lastSeen = customerRead === undefined ? undefined : [...messages].reverse().find((m) => m.direction === MessageDirection.OUTBOUND && m.index <= customerRead);
    const typists = conversation?.typists(desk.identity) ?? [];
    const wrapping = task.status === TaskStatus.WRAPPING;
    const closed = conversation?.channel?.state === ChannelState.INACTIVE;
    const title = describeTask(task);
    const draft = this.drafts.get(task.name) ?? "";
    const send = async (event: SubmitEvent) => {
      event.preventDefault();
      const body = this.drafts.get(task.name) ?? "";
      if (!body.trim()) {
        return;
      }
      this.drafts.set(task.name, "");
      this.requestUpdate();
      if (!(await desk.reply(task.name, body))) {
        this.drafts.set(task.name, body);
        this.requestUpdate();
      }
    };
    return html`
      <section class="conversation" data-testid="conversation" data-task=${task.name} data-channel=${task.channel} aria-label="Conversation with ${title}">
        <header class="conversation-head">
          <div>
            <h2 data-testid="conversation-title">${title}</h2>
            <span class="channel-kind">${channelKind(task)} · ${task.name}</span>
            ${wrapping ? html`<span class="badge">Wrapping up</span>` : nothing}
            ${closed ? html`<span class="badge closed">Conversation closed</span>` : nothing}
          </div>
          <div class="task-actions">
            ${wrapping ? nothing : this.renderTransfer(desk, task)}
            ${wrapping
              ? nothing
              : html`<button class="quiet" data-testid="wrap-up" @click=${() => void desk.wrapUp(task.name)}>Wrap up</button>`}
            <button class="primary" data-testid="complete" @click=${() => void desk.complete(task.name)}>Complete</button>
          </div>
        </header>
        <ol id="message-log" class="log" role="log" aria-live="polite" aria-label="Messages" data-testid="message-log">
          ${conversation === undefined || messages.length === 0
            ? html`<li class="system">No messages yet.</li>`
            : messages.map((m) => this.renderMessage(desk, conversation, m, m === lastSeen))}
        </ol>
        <p class="typing" aria-live="polite" data-testid="typing-indicator">
          ${typists.length ? `${typists.map((t) => conversation?.nameOf(t) ?? t).join(", ")} is typing…` : ""}
        </p>
        <form class="composer" @submit=${send}>
          <label for="reply">Reply to ${title}</label>
          <div class="composer-row">
            <textarea
              id="reply"
              data-testid="reply-input"
              rows="3"
              ?disabled=${closed}
              .value=${live(draft)}
              @input=${(e: InputEvent) => {
                this.drafts.set(task.name, (e.target as HTMLTextAreaElement).value);
                desk.typed(task.name);
              }}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                  e.preventDefault();
                  (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
                }
              }}
            ></textarea>
            <button class="primary" type="submit" data-testid="reply-send" ?disabled=${closed}>Send</button>
          </div>
          <p class="hint">Enter sends; Shift+Enter starts a new line.</p>
        </form>
      </section>
    `;
  }

  private renderTransfer(desk: Desk, task: Task): TemplateResult {
    const toQueue = async (event: SubmitEvent) => {
      event.preventDefault();
      const queue = this.querySelector<HTMLSelectElement>("#transfer-queue")?.value;
      if (queue && (await desk.transfer(task.name, { queue }))) {
        (event.target as HTMLFormElement).closest("details")?.removeAttribute("open");
      }
    };
    const toWorker = async (event: SubmitEvent) => {
      event.preventDefault();
      const field = this.querySelector<HTMLInputElement>("#transfer-worker");
      const workerIdentity = field?.value.trim();
      if (field && workerIdentity && (await desk.transfer(task.name, { workerIdentity }))) {
        field.value = "";
        (event.target as HTMLFormElement).closest("details")?.removeAttribute("open");
      }
    };
    return html`
      <details class="transfer">
        <summary data-testid="transfer">Transfer</summary>
        <div class="transfer-panel">
          <form @submit=${toQueue}>
            <label for="transfer-queue">To a queue</label>
            <div class="row">
              <select id="transfer-queue" data-testid="transfer-queue">
                ${desk.queues.map((q) => html`<option value=${q.name}>${q.displayName || q.name}</option>`)}
              </select>
              <button class="quiet" type="submit" data-testid="transfer-queue-submit">Transfer</button>
            </div>
          </form>
          <form @submit=${toWorker}>
            <label for="transfer-worker">To an agent (identity)</label>
            <div class="row">
              <input id="transfer-worker" data-testid="transfer-worker" autocomplete="off" placeholder="e.g. bob" />
              <button class="quiet" type="submit" data-testid="transfer-worker-submit">Transfer</button>
            </div>
          </form>
          <p class="hint">You keep the conversation until someone accepts it.</p>
        </div>
      </details>
    `;
  }

  private renderMessage(desk: Desk, conversation: Conversation, message: Message, seen: boolean): TemplateResult {
    if (message.author === "system") {
      return html`<li class="system" data-testid="message" data-index=${String(message.index)}>${message.body}</li>`;
    }
    const fromCustomer = message.direction === MessageDirection.INBOUND;
    const internal = message.direction === MessageDirection.INTERNAL;
    const mine = message.author === desk.identity;
    const who = mine ? "You" : conversation.nameOf(message.author);
    const delivery = message.delivery?.status ? DELIVERY[message.delivery.status] : "";
    return html`
      <li
        class="message ${fromCustomer ? "theirs" : "ours"} ${internal ? "internal" : ""}"
        data-testid="message"
        data-index=${String(message.index)}
        data-direction=${fromCustomer ? "inbound" : internal ? "internal" : "outbound"}
      >
        <span class="meta">
          <span class="author">${who}</span>
          ${internal ? html`<span class="badge">Internal</span>` : nothing}
          <time datetime=${message.createTime ? new Date(timestampMs(message.createTime)).toISOString() : ""}
            >${clockTime(message.createTime)}</time
          >
        </span>
        <span class="body" data-testid="message-body">${message.body}</span>
        ${message.media.map((m) => html`<a class="media" href=${safeUrl(m.url)} target="_blank" rel="noopener">${m.filename || m.url}</a>`)}
        ${delivery || seen
          ? html`<span class="receipt" data-testid=${seen ? "read-receipt" : "delivery"}>
              ${seen ? "Seen by the customer" : delivery}${message.delivery?.error ? `: ${message.delivery.error}` : ""}
            </span>`
          : nothing}
      </li>
    `;
  }
}

const DELIVERY: Record<number, string> = {
  [DeliveryStatus.QUEUED]: "Queued",
  [DeliveryStatus.SENT]: "Sent",
  [DeliveryStatus.DELIVERED]: "Delivered",
  [DeliveryStatus.READ]: "Read",
  [DeliveryStatus.FAILED]: "Not delivered",
};

const KINDS: Record<string, string> = {
  CHANNEL_TYPE_WEB: "Web chat",
  CHANNEL_TYPE_SMS: "SMS",
  CHANNEL_TYPE_WHATSAPP: "WhatsApp",
  CHANNEL_TYPE_FACEBOOK: "Messenger",
  CHANNEL_TYPE_LINE: "LINE",
  CHANNEL_TYPE_CUSTOM: "Custom",
};

/** Who the task is about: the customer's name, else their address. */
function describeTask(task: Task): string {
  const attributes = task.attributes ?? {};
  const name = attributes["display_name"];
  const address = attributes["customer_address"];
  if (typeof name === "string" && name) {
    return name;
  }
  if (typeof address === "string" && address) {
    return address;
  }
  return task.name;
}

function channelKind(task: Task): string {
  const type = task.attributes?.["channel_type"];
  return typeof type === "string" ? (KINDS[type] ?? type) : "Task";
}

function unreadCount(conversation: Conversation | undefined, identity: string): number {
  if (!conversation) {
    return 0;
  }
  const read = conversation.members.get(identity)?.lastReadIndex ?? -1n;
  let count = 0;
  for (const message of conversation.messages.values()) {
    if (message.index > read && message.direction === MessageDirection.INBOUND) {
      count += 1;
    }
  }
  return count;
}

function minutesSeconds(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

customElements.define("relaydesk-desktop", RelaydeskDesktop);
