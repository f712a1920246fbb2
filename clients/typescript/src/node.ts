// Connecting from Node.js, over gRPC (HTTP/2). Browsers use
// createClients(withDefaultTimeout(createConnectTransport(...))) from
// @connectrpc/connect-web with the same helpers instead.

import { createGrpcTransport } from "@connectrpc/connect-node";

import { bearer, createClients, DEFAULT_TIMEOUT_MS, withDefaultTimeout } from "./client.js";
import type { Relaydesk } from "./client.js";

export interface ConnectOptions {
  /** The deadline of unary calls that set none (streams get none). */
  timeoutMs?: number;
  /** Plaintext (the default, for a server on loopback) or TLS. */
  tls?: boolean;
}

/**
 * Clients for every relaydesk.v1 service on `server` (`host:port`), sending
 * `credential` (an API key secret or an access token) as a bearer token.
 */
export function connect(server: string, credential: string, options: ConnectOptions = {}): Relaydesk {
  const transport = createGrpcTransport({
    baseUrl: `${options.tls ? "https" : "http"}://${server}`,
    interceptors: [bearer(credential)],
  });
  return createClients(withDefaultTimeout(transport, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
}
