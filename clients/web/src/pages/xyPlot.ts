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
const SEPARATOR = 12;
const LINE_WIDTH = 230;

type Box = [number, number, number, number];

const nameWidth = (name: string) => name.length * 6.1;
const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

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
  // Where the quadrant names are, so the cases' names keep clear of them.
  const placed: Box[] = [];
  for (const q of QUADRANTS) {
    // In the corner the diagonal does not cross.
    const [x, y, anchor] =
      q.id === "upper-left" ? [px(0.01), py(0.99) + 12, "start"] : q.id === "upper-right" ? [px(0.51), py(0.99) + 12, "start"] : q.id === "lower-right" ? [px(0.99), py(0.01) - 28, "end"] : [px(0.49), py(0.01) - 28, "end"];
    picture.append(svg("text", { class: "xy-quadrant", "data-quadrant": q.id, x, y, "text-anchor": anchor, "font-size": 12, "font-weight": 700, fill: "#4b4b7f" }, q.name));
    const note = lines(q.note, 38);
    note.forEach((line, i) => picture.append(svg("text", { class: "xy-quadrant-note", x, y: y + 12 + i * 11, "text-anchor": anchor, "font-size": 9.5, fill: "#707090" }, line)));
    const width = Math.max(q.name.length * 7, ...note.map((l) => l.length * 5));
    const bottom = y + 14 + (note.length - 1) * 11;
    placed.push(anchor === "start" ? [x, y - 12, x + width, bottom] : [x - width, y - 12, x, bottom]);
  }
  // Cases at the same point share a block of names, a few to a line (upwards near the bottom); a block that would
  // cover one already placed moves on a line at a time, with a thin line back to its dot.
  const groups = new Map<string, { x: number; y: number; names: [string, string][] }>();
  for (const p of c.points ?? []) {
    const x = p.condition ?? 0;
    const y = p.outcome ?? 0;
    const key = `${x}|${y}`;
    if (!groups.has(key)) groups.set(key, { x, y, names: [] });
    groups.get(key)!.names.push([p.name, caseName(p.name)]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const g of ordered) {
    g.names.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const cx = px(Math.min(1, Math.max(0, g.x)));
    const cy = py(Math.min(1, Math.max(0, g.y)));
    for (const [name, shownName] of g.names) {
      const dot = svg("circle", { class: "xy-case", "data-case": name, cx, cy, r: 4.5, fill: "#1f6fb4", "fill-opacity": 0.8 });
      dot.append(svg("title", {}, `${shownName}: ${g.x}, ${g.y}`));
      picture.append(dot);
    }
    const rows: { names: [string, string][]; width: number }[] = [];
    for (const entry of g.names) {
      const width = nameWidth(entry[1]);
      const last = rows[rows.length - 1];
      if (last && last.width + SEPARATOR + width <= LINE_WIDTH) {
        last.names.push(entry);
        last.width += SEPARATOR + width;
      } else rows.push({ names: [entry], width });
    }
    const leftward = g.x > 0.7;
    const step = cy > TOP + SIZE * 0.75 ? -LABEL_HEIGHT : LABEL_HEIGHT;
    const widest = Math.max(...rows.map((r) => r.width));
    const start = step < 0 ? cy - 5 : cy + 4;
    const block = (baseline: number): Box => {
      const last = baseline + step * (rows.length - 1);
      const top = Math.min(baseline, last) - LABEL_HEIGHT + 2;
      const bottom = Math.max(baseline, last) + 2;
      return leftward ? [cx - 8 - widest, top, cx - 8, bottom] : [cx + 8, top, cx + 8 + widest, bottom];
    };
    let first = start;
    for (let tries = 0; tries < 60 && placed.some((b) => overlap(b, block(first))); tries++) first += step;
    placed.push(block(first));
    if (Math.abs(first - start) >= LABEL_HEIGHT) picture.append(svg("line", { class: "xy-leader", x1: cx, y1: cy, x2: leftward ? cx - 6 : cx + 6, y2: first - 4, stroke: "#99aabb", "stroke-width": 0.6 }));
    rows.forEach((row, i) => {
      const baseline = first + step * i;
      // Leftwards a line is laid out from its right end, so it ends beside the dot.
      let at = leftward ? cx - 8 : cx + 8;
      (leftward ? [...row.names].reverse() : row.names).forEach(([name, shownName], j) => {
        if (j > 0) picture.append(svg("text", { class: "xy-separator", x: leftward ? at + SEPARATOR / 2 : at - SEPARATOR / 2, y: baseline, "text-anchor": "middle", fill: "#999", "font-size": 11 }, "·"));
        picture.append(svg("text", { class: "xy-label", "data-case": name, x: at, y: baseline, "text-anchor": leftward ? "end" : "start", "font-size": 11 }, shownName));
        at += leftward ? -(nameWidth(shownName) + SEPARATOR) : nameWidth(shownName) + SEPARATOR;
      });
    });
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
