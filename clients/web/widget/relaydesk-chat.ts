// <relaydesk-chat flow="flows/…" server="https://…">: the webchat widget, one ES
// module any page can embed. Its markup and styles live in a shadow root, and its
// host resets what a page would otherwise pass down to it (`all: initial`):
// nothing leaks in or out but the --relaydesk-* custom properties, which are
// there for theming.
//
//   flow      the WEB flow the chats belong to (required)
//   server    the relaydesk HTTP endpoint (default: where this module was loaded from)
//   heading   the panel's title (default "Chat with us")
//   open      the panel is open (set and cleared as the visitor opens and closes it)
//   inline    in the page's flow, always open, instead of a corner launcher

import { LitElement, css, html, nothing } from "lit";
import type { PropertyValues, TemplateResult } from "lit";
import { live } from "lit/directives/live.js";
import { MemberRole, MessageDirection } from "@relaydesk/client";
import type { Message } from "@relaydesk/client";

import { clockTime, safeUrl } from "../shared/conversation.js";
import { WebChat } from "./chat.js";

/** The endpoint this module was served by: `…/widget/relaydesk-chat.js` → `…`. */
function ownServer(): string {
  return new URL("../", import.meta.url).href.replace(/\/+$/, "");
}

export class RelaydeskChat extends LitElement {
  static override properties = {
    flow: { type: String },
    server: { type: String },
    heading: { type: String },
    open: { type: Boolean, reflect: true },
    inline: { type: Boolean, reflect: true },
  };

  declare flow: string;
  declare server: string;
  declare heading: string;
  declare open: boolean;
  declare inline: boolean;

  private chat: WebChat | undefined;
  private draft = "";
  private name = "";
  private shownThrough: bigint | undefined;
  private readonly onVisibility = () => this.markRead();

  constructor() {
    super();
    this.flow = "";
    this.server = "";
    this.heading = "Chat with us";
    this.open = false;
    this.inline = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("visibilitychange", this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisibility);
    this.chat?.stop();
    this.chat = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const server = (this.server || ownServer()).replace(/\/+$/, "");
    if (this.flow && (!this.chat || this.chat.server !== server || this.chat.flow !== this.flow)) {
      this.chat?.stop();
      this.chat = new WebChat(server, this.flow, () => this.requestUpdate());
      this.chat.resume();
      if (this.chat.wasOpen) {
        this.open = true;
      }
    }
    if (changed.has("open") && this.chat) {
      this.chat.setOpen(this.open);
    }
  }

  protected override updated(): void {
    const last = this.chat?.conversation?.lastIndex();
    if (last !== undefined && last !== this.shownThrough) {
      this.shownThrough = last;
      const log = this.renderRoot.querySelector(".log");
      log?.scrollTo({ top: log.scrollHeight });
    }
    this.markRead();
  }

  private markRead(): void {
    if ((this.open || this.inline) && document.visibilityState === "visible") {
      void this.chat?.read();
    }
  }

  private toggle(): void {
    this.open = !this.open;
    if (this.open) {
      void this.updateComplete.then(() => {
        const field = this.renderRoot.querySelector<HTMLElement>("#rd-input, #rd-name, .primary");
        field?.focus();
      });
    }
  }

  private async onStart(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.chat?.start(this.name);
    this.name = "";
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>("#rd-input")?.focus();
  }

  private async onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const body = this.draft;
    if (!body.trim()) {
      return;
    }
    this.draft = "";
    this.requestUpdate();
    if (!(await this.chat?.send(body))) {
      this.draft = body; // kept for another try
      this.requestUpdate();
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  private onInput(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.chat?.typed();
  }

  protected override render(): TemplateResult {
    const shown = this.open || this.inline;
    return html`
      <section id="rd-panel" class="panel" part="panel" aria-label=${this.heading} ?hidden=${!shown}>
        <header>
          <h2>${this.heading}</h2>
          ${this.inline
            ? nothing
            : html`<button class="close" aria-label="Minimize the chat" @click=${this.toggle}>×</button>`}
        </header>
        ${this.renderBody()}
      </section>
      ${this.inline
        ? nothing
        : html`<button
            class="launcher"
            part="launcher"
            data-testid="chat-launcher"
            aria-expanded=${shown ? "true" : "false"}
            aria-controls="rd-panel"
            @click=${this.toggle}
          >
            ${shown ? "Close chat" : this.heading}
          </button>`}
    `;
  }

  private renderBody(): TemplateResult {
    const chat = this.chat;
    if (!chat) {
      return html`<p class="note" role="alert">This chat has no flow: set the element's <code>flow</code>.</p>`;
    }
    if (chat.phase === "idle" || chat.phase === "starting") {
      return html`
        <form class="start" @submit=${this.onStart}>
          ${chat.notice ? html`<p class="note" role="status">${chat.notice}</p>` : nothing}
          <p>Ask us anything: someone from our team will answer here.</p>
          <label for="rd-name">Your name <span class="optional">(optional)</span></label>
          <input
            id="rd-name"
            data-testid="chat-name"
            autocomplete="name"
            maxlength="256"
            .value=${live(this.name)}
            @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)}
          />
          <button class="primary" type="submit" data-testid="chat-start" ?disabled=${chat.phase === "starting"}>
            ${chat.phase === "starting" ? "Starting…" : "Start chat"}
          </button>
          ${this.renderError(chat)}
        </form>
      `;
    }
    const conversation = chat.conversation;
    const messages = conversation?.sorted() ?? [];
    const typists = conversation?.typists(chat.identity) ?? [];
    const agentRead = this.agentReadIndex();
    const lastMine = [...messages].reverse().find((m) => m.direction === MessageDirection.INBOUND);
    return html`
      ${chat.connection === "reconnecting"
        ? html`<p class="status" role="status" data-testid="chat-status">Reconnecting…</p>`
        : nothing}
      <ol class="log" role="log" aria-live="polite" aria-label="Messages" data-testid="chat-log">
        ${messages.length === 0
          ? html`<li class="empty">Write your question below.</li>`
          : messages.map((m) => this.renderMessage(m, m === lastMine && agentRead !== undefined && agentRead >= m.index))}
      </ol>
      <p class="typing" aria-live="polite" data-testid="chat-typing">
        ${typists.length ? `${typists.map((t) => this.nameOf(t)).join(", ")} is typing…` : ""}
      </p>
      ${chat.phase === "ended"
        ? html`<div class="ended">
            <p role="status" data-testid="chat-ended">This conversation has ended. Thank you for writing to us.</p>
            <button class="primary" data-testid="chat-new" @click=${() => chat.forget()}>Start a new chat</button>
          </div>`
        : html`<form class="composer" @submit=${this.onSend}>
            <label class="hidden" for="rd-input">Your message</label>
            <textarea
              id="rd-input"
              data-testid="chat-input"
              rows="2"
              placeholder="Type your message…"
              .value=${live(this.draft)}
              @input=${this.onInput}
              @keydown=${this.onKey}
            ></textarea>
            <button class="primary" type="submit" data-testid="chat-send">Send</button>
          </form>`}
      ${this.renderError(chat)}
    `;
  }

  private renderMessage(message: Message, seen: boolean): TemplateResult {
    if (message.author === "system") {
      return html`<li class="system" data-testid="chat-message" data-index=${String(message.index)}>${message.body}</li>`;
    }
    const mine = message.direction === MessageDirection.INBOUND;
    const who = mine ? "You" : this.nameOf(message.author);
    return html`
      <li
        class=${mine ? "mine" : "theirs"}
        data-testid="chat-message"
        data-index=${String(message.index)}
        data-direction=${mine ? "inbound" : "outbound"}
      >
        <span class="who">${who} <time>${clockTime(message.createTime)}</time></span>
        <span class="body" data-testid="message-body">${message.body}</span>
        ${message.media.map((m) => html`<a class="media" href=${safeUrl(m.url)} target="_blank" rel="noopener">${m.filename || m.url}</a>`)}
        ${seen ? html`<span class="seen" data-testid="chat-seen">Seen</span>` : nothing}
      </li>
    `;
  }

  /** How the visitor sees someone: their display name, else what they are (never an internal identity). */
  private nameOf(identity: string): string {
    const member = this.chat?.conversation?.members.get(identity);
    return member?.displayName || (member?.role === MemberRole.BOT ? "Assistant" : "Agent");
  }

  private renderError(chat: WebChat): TemplateResult | typeof nothing {
    return chat.error ? html`<p class="error" role="alert" data-testid="chat-error">${chat.error}</p>` : nothing;
  }

  /** How far the agents have read (the furthest of them). */
  private agentReadIndex(): bigint | undefined {
    let read: bigint | undefined;
    for (const member of this.chat?.conversation?.members.values() ?? []) {
      if (member.role !== MemberRole.CUSTOMER && member.lastReadIndex !== undefined) {
        read = read === undefined || member.lastReadIndex > read ? member.lastReadIndex : read;
      }
    }
    return read;
  }

  static override styles = css`
    :host {
      all: initial;
      --_accent: var(--relaydesk-accent, #2459d6);
      --_on-accent: var(--relaydesk-on-accent, #fff);
      --_surface: var(--relaydesk-surface, #fff);
      --_text: var(--relaydesk-text, #1c2330);
      --_muted: var(--relaydesk-muted, #5b6577);
      --_theirs: var(--relaydesk-bubble, #eef1f6);
      display: block;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: var(--_text);
    }
    :host(:not([inline])) {
      position: fixed;
      right: 20px;
      bottom: 20px;
      z-index: 2147483000;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    [hidden] {
      display: none !important;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible,
    textarea:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .launcher {
      display: block;
      margin-left: auto;
      padding: 12px 18px;
      border: 0;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
      box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
    }
    .panel {
      display: flex;
      flex-direction: column;
      width: min(360px, calc(100vw - 40px));
      height: min(520px, calc(100vh - 110px));
      margin-bottom: 12px;
      background: var(--_surface);
      border-radius: 14px;
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.22);
      overflow: hidden;
    }
    :host([inline]) .panel {
      width: 100%;
      height: var(--relaydesk-height, 480px);
      margin: 0;
      box-shadow: 0 0 0 1px rgb(0 0 0 / 0.1);
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      background: var(--_accent);
      color: var(--_on-accent);
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 16px;
    }
    .close {
      border: 0;
      background: transparent;
      color: inherit;
      font-size: 22px;
      line-height: 1;
      padding: 2px 6px;
    }
    .start {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 16px;
    }
    .start p {
      margin: 0 0 8px;
    }
    label {
      font-weight: 600;
    }
    .optional {
      font-weight: 400;
      color: var(--_muted);
    }
    input,
    textarea {
      font: inherit;
      color: inherit;
      padding: 8px 10px;
      border: 1px solid #c5ccd8;
      border-radius: 8px;
      background: #fff;
    }
    .primary {
      padding: 8px 16px;
      border: 0;
      border-radius: 8px;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    .primary:disabled {
      opacity: 0.6;
      cursor: default;
    }
    .log {
      flex: 1;
      margin: 0;
      padding: 12px 16px;
      list-style: none;
      overflow-y: auto;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .log li {
      max-width: 82%;
      padding: 8px 12px;
      border-radius: 12px;
      overflow-wrap: anywhere;
    }
    .body {
      display: block;
      white-space: pre-wrap;
    }
    .who {
      display: block;
      font-size: 12px;
      font-weight: 600;
      opacity: 0.8;
    }
    time {
      font-weight: 400;
      margin-left: 4px;
    }
    .theirs {
      align-self: flex-start;
      background: var(--_theirs);
      border-bottom-left-radius: 4px;
    }
    .mine {
      align-self: flex-end;
      background: var(--_accent);
      color: var(--_on-accent);
      border-bottom-right-radius: 4px;
    }
    .system,
    .empty {
      align-self: center;
      color: var(--_muted);
      font-size: 12px;
      text-align: center;
    }
    .seen {
      display: block;
      font-size: 11px;
      text-align: right;
      opacity: 0.85;
    }
    .media {
      display: block;
      color: inherit;
    }
    .typing {
      min-height: 1.45em;
      margin: 0;
      padding: 0 16px;
      font-size: 12px;
      font-style: italic;
      color: var(--_muted);
    }
    .status,
    .note {
      margin: 8px 16px 0;
      padding: 6px 10px;
      border-radius: 8px;
      background: #fff6db;
      color: #5c4400;
      font-size: 13px;
    }
    .composer {
      display: flex;
      gap: 8px;
      padding: 10px 12px;
      border-top: 1px solid #e3e7ee;
    }
    .composer textarea {
      flex: 1;
      resize: none;
    }
    .ended {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      border-top: 1px solid #e3e7ee;
      text-align: center;
    }
    .ended p {
      margin: 0;
    }
    .error {
      margin: 0 16px 12px;
      padding: 6px 10px;
      border-radius: 8px;
      background: #fde8e8;
      color: #8a1c1c;
      font-size: 12px;
      white-space: pre-wrap;
    }
    .hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `;
}

if (!customElements.get("relaydesk-chat")) {
  customElements.define("relaydesk-chat", RelaydeskChat);
}

declare global {
  interface HTMLElementTagNameMap {
    "relaydesk-chat": RelaydeskChat;
  }
}
