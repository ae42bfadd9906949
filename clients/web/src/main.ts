import "./style.css";
import { SIGN_IN_NEEDED } from "./api";
import { renderCohort } from "./pages/cohort";
import { renderInitiatives } from "./pages/initiatives";
import { renderNetwork } from "./pages/network";
import { renderPredictors } from "./pages/predictors";
import { renderSignIn } from "./pages/signin";
import { renderTheory } from "./pages/theory";
import { can, currentSession, forgetSession, loadSession, signOut } from "./session";
import type { Session } from "./session";
import { el, problem, replace } from "./ui";

type Page = (root: HTMLElement, params: URLSearchParams) => Promise<void>;

const PAGES: Record<string, [title: string, render: Page]> = {
  network: ["Network", renderNetwork],
  initiatives: ["Initiatives", renderInitiatives],
  theory: ["Programme theory", renderTheory],
  predictors: ["Predictors", renderPredictors],
  cohort: ["Cohort", renderCohort],
};

const root = document.getElementById("app")!;
const nav = document.querySelector<HTMLElement>("nav")!;
const who = document.getElementById("who")!;

/** `#/initiatives?name=initiatives/plymouth-local-vision` → the page and its parameters. */
async function route(): Promise<void> {
  if (!currentSession()) return;
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const key = path in PAGES ? path : "network";
  const [title, render] = PAGES[key];
  document.title = `${title} · LocalVision`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    link.classList.toggle("active", link.getAttribute("href") === `#/${key}`);
  }
  root.dataset.page = key;
  root.dataset.ready = "false";
  // Each visit draws into its own element, so a page still loading when the session ends draws nowhere.
  const view = el("div", { class: "page" });
  replace(root, view);
  try {
    await render(view, new URLSearchParams(query ?? ""));
  } catch (error) {
    replace(view, problem(error));
  }
  if (view.isConnected) root.dataset.ready = "true";
}

/** Who is signed in, with which roles, and the way out. */
function showWho(session: Session): void {
  nav.hidden = false;
  // Admin holds every role; naming them all would only crowd the bar.
  const roles = can("admin") ? "admin" : session.roles.join(", ");
  const parts =
    session.authentication === "none"
      ? [el("span", { id: "who-name", title: "No key exists yet, so every caller on this machine is admin" }, "Open on this machine: no keys yet")]
      : [
          el("span", {}, session.authentication === "session" ? "Signed in as " : "Calling as "),
          el("strong", { id: "who-name" }, session.name),
          el("span", { class: "roles", id: "who-roles" }, ` · ${roles}`),
        ];
  replace(
    who,
    ...parts,
    can("evidence-reader") ? null : el("span", { class: "redacted-note", title: "Summaries and respondents of confidential evidence are hidden from keys without the evidence-reader role" }, " · confidential evidence hidden"),
    session.authentication === "session" ? el("button", { type: "button", id: "sign-out", class: "link", onclick: () => void leave() }, "Sign out") : null,
  );
}

function showSignIn(reason: string): void {
  nav.hidden = true;
  replace(who);
  document.title = "Sign in · LocalVision";
  root.dataset.page = "sign-in";
  renderSignIn(root, reason, (session) => {
    showWho(session);
    void route();
  });
  root.dataset.ready = "true";
}

async function leave(): Promise<void> {
  try {
    await signOut();
    showSignIn("You have signed out.");
  } catch (error) {
    replace(root, problem(error));
  }
}

async function start(): Promise<void> {
  let session: Session | null;
  try {
    session = await loadSession();
  } catch (error) {
    replace(root, problem(error));
    root.dataset.ready = "true";
    return;
  }
  if (!session) {
    showSignIn("");
    return;
  }
  showWho(session);
  await route();
}

// A call refused for want of a sign-in: the session expired, was signed out elsewhere, or its key was revoked.
window.addEventListener(SIGN_IN_NEEDED, (event) => {
  if (!currentSession() && root.dataset.page === "sign-in") return;
  forgetSession();
  showSignIn(`Your session has ended, so the service asks you to sign in again. (${(event as CustomEvent<string>).detail})`);
});

// Pages keep their own parameters in the address with replaceState, which fires no hashchange.
window.addEventListener("hashchange", () => void route());
void start();
