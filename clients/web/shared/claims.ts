// What an access token says about itself. The browser reads the claims only to
// know whom it acts as and for how long; the server checks the signature.

export interface Claims {
  /** The identity: an agent's, or a web visitor's. */
  sub: string;
  /** `AGENT` or `CUSTOMER`. */
  role: string;
  /** Expiry and issue time, in seconds since the epoch, by the server's clock. */
  exp: number;
  iat: number;
  /** A customer token's channel. */
  channel?: string;
}

/** The claims of a JWT, or undefined when `token` is not one. */
export function claimsOf(token: string): Claims | undefined {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || !parts[1]) {
    return undefined;
  }
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    if (
      typeof claims === "object" &&
      claims !== null &&
      "sub" in claims &&
      typeof claims.sub === "string" &&
      "exp" in claims &&
      typeof claims.exp === "number"
    ) {
      const all = claims as Partial<Claims>;
      return {
        sub: claims.sub,
        role: typeof all.role === "string" ? all.role : "",
        exp: claims.exp,
        iat: typeof all.iat === "number" ? all.iat : Math.floor(Date.now() / 1000),
        ...(typeof all.channel === "string" ? { channel: all.channel } : {}),
      };
    }
  } catch {
    // not base64 or not JSON: not a token
  }
  return undefined;
}

/**
 * When the token stops working, by this browser's clock: its lifetime (from the
 * server's own issue and expiry times) counted from `receivedAt`, so that a
 * browser whose clock is off still keeps it exactly as long as it lives.
 */
export function localExpiry(claims: Claims, receivedAt: number = Date.now()): number {
  return receivedAt + Math.max(0, claims.exp - claims.iat) * 1000;
}
