import { ApiError, isUnimplemented } from "./api";

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** A DOM element: `el("p", { class: "note" }, "text", child)`. `on…` attributes are event listeners. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(key, "");
    // Through the CSSOM: the server's Content-Security-Policy refuses style attributes written as markup.
    else if (key === "style") element.style.cssText = String(value);
    else element.setAttribute(key, String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function replace(parent: HTMLElement, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** What a person sees when a part of the service has not arrived yet. */
export function notAvailable(what: string, arrivesWith: string): HTMLElement {
  return el(
    "div",
    { class: "notice not-available", role: "status" },
    el("strong", {}, `Not available yet: ${what}.`),
    ` This server does not offer it yet; it arrives with ${arrivesWith}.`,
  );
}

export function problem(error: unknown): HTMLElement {
  const message = error instanceof ApiError ? `${error.message} (HTTP ${error.httpStatus})` : error instanceof Error ? error.message : String(error);
  return el("div", { class: "notice problem", role: "alert" }, el("strong", {}, "Something went wrong. "), message);
}

/** Shows `notAvailable` on UNIMPLEMENTED (HTTP 501), the error otherwise. */
export function failure(error: unknown, what: string, arrivesWith: string): HTMLElement {
  return isUnimplemented(error) ? notAvailable(what, arrivesWith) : problem(error);
}

export function loading(what: string): HTMLElement {
  return el("p", { class: "loading" }, `Loading ${what}…`);
}

export function percent(value: number | undefined): string {
  return `${Math.round((value ?? 0) * 100)}%`;
}

/** A 0..1 score as a small bar with words. */
export function scoreBar(score: number): HTMLElement {
  const words = score >= 0.99 ? "yes" : score <= 0.01 ? "no" : score >= 0.67 ? "mostly" : "partly";
  return el(
    "span",
    { class: "score", title: `score ${score}` },
    el("span", { class: "score-track" }, el("span", { class: "score-fill", style: `width:${Math.round(score * 100)}%` })),
    el("span", { class: "score-words" }, `${words} (${score.toFixed(2).replace(/\.?0+$/, "") || "0"})`),
  );
}

export function pretty(word: string): string {
  const lower = word.toLowerCase().replaceAll("_", " ");
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
