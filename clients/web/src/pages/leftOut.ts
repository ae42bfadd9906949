import { el } from "../ui";

/** A case an analysis left out, and why in words ("no value for MOMENTUM"). */
export interface ExcludedCase {
  name: string;
  explanation?: string;
}

/** A server's sentence with each project's resource name replaced by its display name. */
export function withCaseNames(text: string, caseName: (name: string) => string): string {
  return text.replace(/initiatives\/[a-z0-9-]+/g, (name) => caseName(name));
}

/** "12 projects (no value for MOMENTUM)", the names behind a click. */
export function leftOut(title: string, excluded: ExcludedCase[], caseName: (name: string) => string): HTMLElement[] {
  const groups = new Map<string, string[]>();
  for (const e of excluded) groups.set(e.explanation ?? "", [...(groups.get(e.explanation ?? "") ?? []), e.name]);
  return [...groups].map(([why, cases]) =>
    el("details", { class: "left-out" }, el("summary", {}, `${title}: ${cases.length} project${cases.length === 1 ? "" : "s"} (${why})`), cases.map(caseName).join(", ")),
  );
}
