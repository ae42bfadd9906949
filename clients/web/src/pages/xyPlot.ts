import { codeOf } from "../catalogue";
import { el, percent } from "../ui";

/** What the XY plot needs of a condition's statistics (AnalyzeConditions' ConditionStatistics). */
export interface XyCondition {
  condition: string;
  n?: number;
  judgeable?: boolean;
  summary?: string;
  sufficiencyConsistency?: number | string;
  sufficiencyCoverage?: number | string;
  necessityConsistency?: number | string;
  necessityCoverage?: number | string;
  excluded?: { name: string; explanation?: string }[];
  points?: { name: string; condition?: number; outcome?: number }[];
}

const SVG = "http://www.w3.org/2000/svg";
// The plot's square inside the picture, in SVG units; the picture scales with the page.
const LEFT = 64;
const TOP = 16;
const SIZE = 400;
const LABEL_HEIGHT = 12;

/**
 * The quadrants as Schneider and Wagemann name the cases a sufficiency claim makes of them (as lv xy does), each
 * with a note: which corner, its name, the note. Necessity reads the upper-left and lower-right the other way round.
 */
export const QUADRANTS: { id: string; name: string; note: string }[] = [
  { id: "upper-left", name: "deviant cases coverage", note: "outcome without the condition: consistent with sufficiency, not covered" },
  { id: "upper-right", name: "typical cases", note: "condition and outcome; under the diagonal: deviant in degree" },
  { id: "lower-left", name: "individually irrelevant cases", note: "neither the condition nor the outcome" },
  { id: "lower-right", name: "deviant cases consistency", note: "condition without the outcome: against sufficiency, consistent with necessity" },
];

function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const px = (x: number) => LEFT + x * SIZE;
const py = (y: number) => TOP + (1 - y) * SIZE;

/** JSON carries NaN as the string "NaN": shown as n/a. */
function shown(value: number | string | undefined): string {
  return typeof value === "number" ? percent(value) : "n/a";
}

/** Wraps a note into lines of at most `width` characters. */
function lines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const word of text.split(" ")) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + 1 + word.length <= width) out[last] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/** The plot itself: axes with ticks, the crossover lines, the diagonal, the quadrants named, each case a dot with its name. */
function plot(c: XyCondition, outcome: string, caseName: (name: string) => string): SVGElement {
  const picture = svg("svg", { id: "xy-chart", viewBox: `0 0 ${LEFT + SIZE + 24} ${TOP + SIZE + 56}`, role: "img", "aria-label": `XY plot of ${c.condition} against ${outcome}` });
  picture.append(svg("rect", { class: "xy-area", x: LEFT, y: TOP, width: SIZE, height: SIZE, fill: "#fff", stroke: "#44505c" }));
  for (let i = 0; i <= 10; i++) {
    const v = i / 10;
    const length = i % 5 === 0 ? 7 : 4;
    picture.append(
      svg("line", { x1: px(v), y1: TOP + SIZE, x2: px(v), y2: TOP + SIZE + length, stroke: "#44505c" }),
      svg("line", { x1: LEFT - length, y1: py(v), x2: LEFT, y2: py(v), stroke: "#44505c" }),
      svg("text", { class: "xy-tick", x: px(v), y: TOP + SIZE + 20, "text-anchor": "middle", "font-size": 11 }, String(v)),
      svg("text", { class: "xy-tick", x: LEFT - 9, y: py(v) + 4, "text-anchor": "end", "font-size": 11 }, String(v)),
    );
  }
  picture.append(
    svg("line", { x1: px(0.5), y1: TOP, x2: px(0.5), y2: TOP + SIZE, stroke: "#c5ccd3", "stroke-dasharray": "3 4" }),
    svg("line", { x1: LEFT, y1: py(0.5), x2: LEFT + SIZE, y2: py(0.5), stroke: "#c5ccd3", "stroke-dasharray": "3 4" }),
    svg("line", { class: "xy-diagonal", x1: px(0), y1: py(0), x2: px(1), y2: py(1), stroke: "#8a949e", "stroke-dasharray": "6 4" }),
    svg("text", { x: px(0.93), y: py(0.93) + 16, "text-anchor": "middle", fill: "#8a949e", "font-size": 11 }, "x = y"),
    svg("text", { x: px(0.5), y: TOP + SIZE + 44, "text-anchor": "middle", "font-size": 12 }, `${codeOf(c.condition.replace(/^~/, "")).label}${c.condition.startsWith("~") ? " (absent)" : ""} →`),
    svg("text", { x: 0, y: 0, "text-anchor": "middle", "font-size": 12, transform: `translate(${LEFT - 40} ${py(0.5)}) rotate(-90)` }, `${codeOf(outcome.replace(/^~/, "")).label}${outcome.startsWith("~") ? " (absent)" : ""} →`),
  );
  for (const q of QUADRANTS) {
    // In the corner the diagonal does not cross.
    const [x, y, anchor] =
      q.id === "upper-left" ? [px(0.01), py(0.99) + 12, "start"] : q.id === "upper-right" ? [px(0.51), py(0.99) + 12, "start"] : q.id === "lower-right" ? [px(0.99), py(0.01) - 28, "end"] : [px(0.49), py(0.01) - 28, "end"];
    picture.append(svg("text", { class: "xy-quadrant", "data-quadrant": q.id, x, y, "text-anchor": anchor, "font-size": 12, "font-weight": 700, fill: "#4b4b7f" }, q.name));
    lines(q.note, 38).forEach((line, i) => picture.append(svg("text", { class: "xy-quadrant-note", x, y: y + 12 + i * 11, "text-anchor": anchor, "font-size": 9.5, fill: "#707090" }, line)));
  }
  // Names that would cover one already placed (cases at the same point) move down a line.
  const placed: [number, number, number, number][] = [];
  const points = [...(c.points ?? [])].sort((a, b) => (b.outcome ?? 0) - (a.outcome ?? 0) || (a.condition ?? 0) - (b.condition ?? 0) || caseName(a.name).localeCompare(caseName(b.name)));
  for (const p of points) {
    const name = caseName(p.name);
    const cx = px(Math.min(1, Math.max(0, p.condition ?? 0)));
    const cy = py(Math.min(1, Math.max(0, p.outcome ?? 0)));
    const dot = svg("circle", { class: "xy-case", "data-case": p.name, cx, cy, r: 4.5, fill: "#1f6fb4", "fill-opacity": 0.8 });
    dot.append(svg("title", {}, `${name}: ${p.condition ?? 0}, ${p.outcome ?? 0}`));
    const leftward = (p.condition ?? 0) > 0.7;
    const width = name.length * 6;
    const x = leftward ? cx - 8 : cx + 8;
    let y = cy + 4;
    const box = (top: number): [number, number, number, number] => (leftward ? [x - width, top - LABEL_HEIGHT + 2, x, top + 2] : [x, top - LABEL_HEIGHT + 2, x + width, top + 2]);
    for (let tries = 0; tries < 40 && placed.some((b) => { const a = box(y); return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }); tries++) y += LABEL_HEIGHT;
    placed.push(box(y));
    // A name moved down from its dot gets a thin line back to it.
    if (y - (cy + 4) >= LABEL_HEIGHT) picture.append(svg("line", { class: "xy-leader", x1: cx, y1: cy, x2: leftward ? x + 2 : x - 2, y2: y - 4, stroke: "#99aabb", "stroke-width": 0.6 }));
    picture.append(dot, svg("text", { class: "xy-label", "data-case": p.name, x, y, "text-anchor": leftward ? "end" : "start", "font-size": 11 }, name));
  }
  return picture;
}

/** The XY plot with its figures above and its case accounting below: which cases it shows, and which it leaves out and why. */
export function xyPlot(c: XyCondition, outcome: string, leftOutOfEvery: { name: string; explanation?: string }[], caseName: (name: string) => string): HTMLElement[] {
  const listed = new Set((c.excluded ?? []).map((e) => e.name));
  const excluded = [...(c.excluded ?? []), ...leftOutOfEvery.filter((e) => !listed.has(e.name))];
  const groups = new Map<string, string[]>();
  for (const e of excluded) groups.set(e.explanation ?? "", [...(groups.get(e.explanation ?? "") ?? []), caseName(e.name)]);
  const used = (c.points ?? []).map((p) => caseName(p.name)).sort();
  return [
    el("h3", {}, `${codeOf(c.condition.replace(/^~/, "")).label}${c.condition.startsWith("~") ? " (absent)" : ""} against ${codeOf(outcome.replace(/^~/, "")).label}`),
    el(
      "p",
      { class: "xy-figures" },
      `Sufficiency: consistency ${shown(c.sufficiencyConsistency)}, coverage ${shown(c.sufficiencyCoverage)}. Necessity: consistency ${shown(c.necessityConsistency)}, coverage ${shown(c.necessityCoverage)}. `,
      `${c.n ?? 0} project${c.n === 1 ? "" : "s"}${c.judgeable ? "" : " — too few or too alike to judge"}.`,
    ),
    el("p", { class: "hint" }, "On or above the diagonal: consistent with sufficiency (x ≤ y); on or below it: with necessity (x ≥ y)."),
    el("div", { class: "xy-box" }, plot(c, outcome, caseName)),
    el("p", { class: "xy-used" }, used.length === 0 ? "No project recorded both the circumstance and the outcome: nothing to plot." : `Shown: ${used.join(", ")}.`),
    ...[...groups].map(([why, cases]) => el("p", { class: "xy-left-out muted" }, `Left out (${why}): ${cases.join(", ")}.`)),
  ];
}
