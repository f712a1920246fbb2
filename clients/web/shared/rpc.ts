// Calling relaydesk from a browser: the Connect protocol (binary) over fetch,
// with the TypeScript client's helpers (bearer credential, unary deadlines).

import { Code, ConnectError } from "@connectrpc/connect";
import type { Interceptor, Transport } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import { bearer, describeError, withDefaultTimeout } from "@relaydesk/client";

/** The deadline of a unary call: a person is waiting for it. */
const UNARY_TIMEOUT_MS = 15_000;

/**
 * A transport to the relaydesk HTTP endpoint at `baseUrl` (no trailing slash),
 * sending `credential` as a bearer token when there is one.
 */
export function transportTo(baseUrl: string, credential?: string): Transport {
  const interceptors: Interceptor[] = credential ? [bearer(credential)] : [];
  return withDefaultTimeout(
    createConnectTransport({ baseUrl: baseUrl.replace(/\/+$/, ""), useBinaryFormat: true, interceptors }),
    UNARY_TIMEOUT_MS,
  );
}

/**
 * A fresh `request_id` (32 hex digits), one per action a person takes, so that a
 * retried write has no second effect. `crypto.getRandomValues` works on plain
 * HTTP pages too, where `randomUUID` does not.
 */
export function requestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The status code of a failed call (`Code.Unknown` for anything but a ConnectError). */
export function codeOf(error: unknown): Code {
  return error instanceof ConnectError ? error.code : Code.Unknown;
}

/** Whether the credential itself was refused: expired, revoked or never valid. */
export function isSignedOut(error: unknown): boolean {
  return codeOf(error) === Code.Unauthenticated;
}

/**
 * A failed call as text a person can read: the status code and message, then
 * the server's details (which field, which state, ...).
 */
export function readable(error: unknown): string {
  if (error instanceof ConnectError) {
    return describeError(error);
  }
  return error instanceof Error ? error.message : String(error);
}
