import { ApiError } from "../api";
import { signIn } from "../session";
import type { Session } from "../session";
import { el, replace } from "../ui";

/**
 * The sign-in page: an API key (from the service's administrator) exchanged for a session. The key goes to the
 * server once and is not kept in the browser; the session lives in a cookie scripts cannot read.
 */
export function renderSignIn(root: HTMLElement, reason: string, signedIn: (session: Session) => void): void {
  const key = el("input", { id: "api-key", type: "password", name: "api-key", autocomplete: "off", spellcheck: "false", required: true, "aria-describedby": "sign-in-help" });
  const problem = el("div", { id: "sign-in-problem", role: "alert" });
  const submit = el("button", { type: "submit", id: "sign-in-submit" }, "Sign in");
  const form = el(
    "form",
    { id: "sign-in", class: "card sign-in" },
    el("label", { for: "api-key" }, "API key"),
    key,
    submit,
    problem,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void attempt();
  });

  async function attempt(): Promise<void> {
    replace(problem);
    submit.disabled = true;
    try {
      signedIn(await signIn(key.value.trim()));
    } catch (error) {
      const words =
        error instanceof ApiError && error.unauthenticated
          ? "That key was not accepted: it is mistyped, unknown to this service, or revoked. Check it with whoever gave it to you."
          : error instanceof ApiError
            ? `The service could not sign you in: ${error.message}`
            : `The service could not be reached: ${error instanceof Error ? error.message : String(error)}`;
      replace(problem, el("p", { class: "notice problem" }, words));
      key.select();
    } finally {
      submit.disabled = false;
    }
  }

  replace(
    root,
    el("h1", {}, "Sign in to LocalVision"),
    reason ? el("p", { class: "notice", id: "sign-in-reason" }, reason) : null,
    el(
      "p",
      { class: "lead", id: "sign-in-help" },
      "This service holds confidential evaluation evidence, so it needs an API key. Ask its administrator for one; the key's roles decide what you can see and change. ",
      "Your browser keeps a session, not the key: it lasts a working day, or until you sign out or the key is revoked.",
    ),
    form,
  );
  key.focus();
}
