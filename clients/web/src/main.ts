import "./style.css";
import { renderCohort } from "./pages/cohort";
import { renderInitiatives } from "./pages/initiatives";
import { renderNetwork } from "./pages/network";
import { renderPredictors } from "./pages/predictors";
import { renderTheory } from "./pages/theory";
import { problem, replace } from "./ui";

type Page = (root: HTMLElement, params: URLSearchParams) => Promise<void>;

const PAGES: Record<string, [title: string, render: Page]> = {
  network: ["Network", renderNetwork],
  initiatives: ["Initiatives", renderInitiatives],
  theory: ["Programme theory", renderTheory],
  predictors: ["Predictors", renderPredictors],
  cohort: ["Cohort", renderCohort],
};

const root = document.getElementById("app")!;

/** `#/initiatives?name=initiatives/plymouth-local-vision` → the page and its parameters. */
async function route(): Promise<void> {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const key = path in PAGES ? path : "network";
  const [title, render] = PAGES[key];
  document.title = `${title} · LocalVision`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a")) {
    link.classList.toggle("active", link.getAttribute("href") === `#/${key}`);
  }
  root.dataset.page = key;
  root.dataset.ready = "false";
  try {
    await render(root, new URLSearchParams(query ?? ""));
  } catch (error) {
    replace(root, problem(error));
  }
  root.dataset.ready = "true";
}

// Pages keep their own parameters in the address with replaceState, which fires no hashchange.
window.addEventListener("hashchange", () => void route());
void route();
