// The rules between plain JavaScript and protobuf messages, on the contract's own message types (no server needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { contract } from "../src/contract.js";
import { fromMessage, toMessage } from "../src/convert.js";

const type = (name) => contract().root.lookupType(`localvision.v1.${name}`);
/** What the server would receive: the request encoded and decoded again, back as plain JavaScript. */
const roundTrip = (name, value) => {
  const t = type(name);
  return fromMessage(t, t.decode(t.encode(toMessage(t, value)).finish()));
};

test("properties are plain objects both ways, nested values and lists included", () => {
  const properties = { kind: "CCG", cohort: 1, share: 0.25, active: true, closed: null, tags: ["a", "b"], indicators: { population: { value: 259000, year: "2013" } } };
  const node = roundTrip("Node", { name: "partners/x", label: "Partner", properties });
  assert.deepEqual(node.properties, properties);
  assert.equal(node.createTime, null, "an unset message field is null");
  assert.equal(node.displayName, "", "an unset string is empty");
});

test("a Date, an ISO time and a yyyy-MM-dd date are all Timestamps, and a Timestamp comes back a Date", () => {
  const at = (asOf) => roundTrip("EvaluateInitiativeRequest", { name: "initiatives/x", asOf }).asOf;
  assert.deepEqual(at(new Date("2015-03-31T12:30:00.250Z")), new Date("2015-03-31T12:30:00.250Z"));
  assert.deepEqual(at("2015-03-31"), new Date(Date.UTC(2015, 2, 31)), "a date alone is midnight UTC");
  assert.deepEqual(at("2015-03-31T09:00:00+01:00"), new Date(Date.UTC(2015, 2, 31, 8)));
  assert.deepEqual(at("1969-12-31T23:59:59.500Z"), new Date(-500), "before 1970, the nanos stay positive");
  for (const bad of ["31/03/2015", "2015-13-45", "2015-02-30", "yesterday", 20150331]) {
    assert.throws(() => toMessage(type("EvaluateInitiativeRequest"), { asOf: bad }), (e) => e.code === "INVALID_ARGUMENT" && e.fieldViolations[0].field === "asOf", String(bad));
  }
});

test("64-bit integers are numbers; a BigInt or a decimal string is taken; one past 2^53 is refused, not rounded", () => {
  const counts = roundTrip("NodeWriteCounts", { created: 3, replaced: 4n, merged: "5", unchanged: Number.MAX_SAFE_INTEGER });
  assert.deepEqual(counts, { created: 3, replaced: 4, merged: 5, unchanged: Number.MAX_SAFE_INTEGER });
  assert.equal(typeof counts.created, "number");
  const t = type("NodeWriteCounts");
  const wire = t.encode(toMessage(t, { created: 2n ** 53n + 1n })).finish();
  assert.throws(() => fromMessage(t, t.decode(wire)), (e) => e.code === "OUT_OF_RANGE" && /9007199254740993/.test(e.message));
  assert.throws(() => toMessage(t, { created: 1.5 }), (e) => e.fieldViolations[0].field === "created");
});

test("enums are names; a name without its prefix or a number is taken; a misspelt one gets a did-you-mean", () => {
  assert.equal(roundTrip("ListRelationshipsRequest", { direction: "DIRECTION_OUTGOING" }).direction, "DIRECTION_OUTGOING");
  assert.equal(roundTrip("ListRelationshipsRequest", { direction: "INCOMING" }).direction, "DIRECTION_INCOMING");
  assert.equal(roundTrip("ListRelationshipsRequest", { direction: 3 }).direction, "DIRECTION_BOTH");
  assert.throws(
    () => toMessage(type("ListRelationshipsRequest"), { direction: "DIRECTION_OUTGONG" }),
    (e) => e.code === "INVALID_ARGUMENT" && /did you mean `DIRECTION_OUTGOING`\?/.test(e.fieldViolations[0].description),
  );
});

test("a misspelt field is refused before sending, with a did-you-mean; snake_case names are taken", () => {
  assert.throws(
    () => toMessage(type("GetNeighborhoodRequest"), { name: "x", relationshipTipes: ["ENABLES"] }),
    (e) => e.local && e.fieldViolations[0].field === "relationshipTipes" && /did you mean `relationshipTypes`\?/.test(e.fieldViolations[0].description),
  );
  assert.deepEqual(roundTrip("GetNeighborhoodRequest", { name: "x", relationship_types: ["ENABLES"] }).relationshipTypes, ["ENABLES"]);
});

test("every problem of a request is reported at once, each at its field", () => {
  assert.throws(
    () => toMessage(type("UpsertNodesRequest"), { nodes: [{ name: 7, properties: { when: Symbol("x") } }], dryRun: "yes" }),
    (e) => {
      assert.deepEqual(e.fieldViolations.map((v) => v.field).sort(), ["dryRun", "nodes[0].name", "nodes[0].properties.when"]);
      return true;
    },
  );
});
