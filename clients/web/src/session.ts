// Who the dashboard is talking as: the signed-in session (a key exchanged for a cookie the page cannot read), a key
// the browser sends itself, or nobody on a service that runs without keys. Pages ask `can(role)` to show only what
// the roles allow; the server refuses the rest anyway.

import { ApiError, deleteJson, getJson, postJson, SESSION_PATH, useCsrfToken } from "./api";

export type Role = "reader" | "evaluator" | "evidence-reader" | "admin";

export interface Session {
  name: string;
  /** `apiKeys/{id}`, `subjects/{sub}`, or empty without authentication. */
  key: string;
  /** Held roles with the ones they imply. */
  roles: Role[];
  authentication: "session" | "apiKey" | "bearerToken" | "none";
  expireTime?: string;
  csrfToken?: string;
}

let current: Session | null = null;

export function currentSession(): Session | null {
  return current;
}

export function can(role: Role): boolean {
  return current?.roles.includes(role) ?? false;
}

function keep(session: Session | null): Session | null {
  current = session;
  useCsrfToken(session?.csrfToken);
  return session;
}

/** The session the browser has, or null when the service needs a sign-in first. */
export async function loadSession(): Promise<Session | null> {
  try {
    return keep(await getJson<Session>(SESSION_PATH));
  } catch (error) {
    if (error instanceof ApiError && error.unauthenticated) return keep(null);
    throw error;
  }
}

/** Exchanges an API key for a session; the key itself is not kept anywhere in the browser. */
export async function signIn(apiKey: string): Promise<Session> {
  return keep(await postJson<Session>(SESSION_PATH, { apiKey }))!;
}

export async function signOut(): Promise<void> {
  try {
    await deleteJson(SESSION_PATH);
  } finally {
    keep(null);
  }
}

/** Forgets the session without asking the server, when the server has said it ended. */
export function forgetSession(): void {
  keep(null);
}
