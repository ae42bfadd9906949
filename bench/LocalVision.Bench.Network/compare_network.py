#!/usr/bin/python3
"""One Python contender of the network bench, one process per round, started by the C# driver (Driver.cs).

    compare_network.py --library igraph|graph-tool|networkx --plan plan.json --threads 1|all [--graphs subgraph,full]

Reads the plan the driver wrote (the same graphs, parameters and pivots as our worker, Worker.cs), times every
algorithm the library can do as the same work, and prints one JSON object on stdout in Worker.cs's format:
{"library", "version", "threads", "graphs": {NAME: {ALGORITHM: {"seconds", "runs", "check" | "iterations", "top10",
"max" | "modularity", "communities"}}}, "peak_rss_mib"}. The check strings are formatted exactly as Worker.cs formats
them, so the driver can compare them as strings. Where a library cannot do the same work, the entry holds
"not_comparable" (the reason) and no seconds, so nothing different is timed under the same name. Progress goes to stderr.
"""
import argparse
import json
import resource
import sys
import time

import numpy as np

UNREACHED_INT = 2147483647
NETWORKX_EXACT_BETWEENNESS_LIMIT = 3000


def log(message):
    print(message, file=sys.stderr, flush=True)


def timed(repeats, run, describe):
    """The best of `repeats` runs, every run listed, and what the last run found (Worker.Time)."""
    runs, result = [], None
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = run()
        runs.append(time.perf_counter() - start)
    entry = describe(result)
    entry["seconds"] = min(runs)
    entry["runs"] = runs
    return entry


def not_comparable(reason, **extra):
    entry = {"not_comparable": reason, "note": "not comparable: " + reason}
    entry.update(extra)
    return entry


# Checks, formatted as Worker.cs formats them.
def bfs_check(distances):
    reached = distances[distances >= 0]
    return {"check": f"reached={len(reached)} hops={int(reached.sum())}"}


def khop_check(count):
    return {"check": f"nodes={count}"}


def dijkstra_check(distances):
    finite = distances[np.isfinite(distances)]
    return {"check": f"reached={len(finite)} sum={finite.sum():.0f}"}


def components_check(sizes):
    return {"check": f"count={len(sizes)} largest={max(sizes)}"}


def max_at(scores):
    scores = np.asarray(scores, dtype=float)
    best = int(np.argmax(scores))  # the first node with the largest score, as Worker.MaxAt
    return {"check": f"max={scores[best]:.6f} at={best}"}


def pagerank_entry(scores, iterations, converged):
    scores = np.asarray(scores, dtype=float)
    order = np.lexsort((np.arange(len(scores)), -scores))[:10]  # by score descending, then by node
    return {"iterations": iterations, "converged": converged, "top10": [int(v) for v in order], "max": float(scores.max())}


def to_ours_normalized(raw_pairs, n):
    """Raw betweenness counted once per unordered pair (igraph, graph-tool) into our normalized units: 2·raw/((n-1)(n-2))."""
    return np.asarray(raw_pairs, dtype=float) * (2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0)


def sampled_to_ours(raw_pairs, n, k):
    """Sampled raw betweenness (once per pair, from k sources) into our units: scaled by n/k like ours, then normalized."""
    return to_ours_normalized(raw_pairs, n) * (n / k)


def load(graph):
    edges = np.fromfile(graph["edges_file"], dtype="<i4").reshape(-1, 2)
    weights = np.fromfile(graph["weights_file"], dtype="<f8")
    pivots = np.fromfile(graph["pivots_file"], dtype="<i4")
    if len(edges) != graph["edges"] or len(weights) != graph["edges"] or len(pivots) != graph["pivots"]:
        raise SystemExit(f"{graph['name']}: the files do not match plan.json")
    return edges, weights, pivots


class IGraph:
    name = "igraph"

    def __init__(self, threads):
        import igraph
        import random
        self.ig = igraph
        self.random = random
        self.version = igraph.__version__
        self.threads = 1  # igraph's algorithms here are single-threaded

    def build(self, graph, edges, weights):
        g = self.ig.Graph(n=graph["nodes"], edges=edges.tolist(), directed=False)
        g.es["w"] = weights.tolist()
        return g

    def run(self, algorithm, g, graph, plan, repeats, pivots):
        s = graph["source"]
        n = graph["nodes"]
        if algorithm == "bfs":
            def bfs():
                _, layers, _ = g.bfs(s)
                hops = sum(i * (layers[i + 1] - layers[i]) for i in range(len(layers) - 1))
                return layers[-1], hops
            return timed(repeats, bfs, lambda r: {"check": f"reached={r[0]} hops={r[1]}"})
        if algorithm == "khop":
            return timed(repeats, lambda: g.neighborhood(s, order=3), lambda hood: khop_check(len(hood)))
        if algorithm == "dijkstra":
            return timed(repeats, lambda: g.distances(source=s, weights="w")[0], lambda d: dijkstra_check(np.asarray(d, dtype=float)))
        if algorithm == "pagerank":
            # PRPACK solves the linear system; it has no tolerance and no iteration count, so it is not the same work as a
            # power iteration stopped at the plan's tolerance. Its ranking is still shown, untimed, as a check.
            scores = g.pagerank(damping=plan["damping"], directed=False)
            entry = pagerank_entry(scores, "none (PRPACK solves directly)", True)
            entry.update(not_comparable("igraph's PageRank is PRPACK, a direct solve with no tolerance or iteration count; not timed"))
            return entry
        if algorithm == "louvain":
            def louvain():
                self.random.seed(plan["louvain_seed"])  # igraph draws its node order from Python's random
                return g.community_multilevel()
            return timed(repeats, louvain, lambda c: {"modularity": c.modularity, "communities": len(c)})
        if algorithm == "components":
            return timed(repeats, lambda: g.connected_components(), lambda c: components_check(c.sizes()))
        if algorithm == "betweenness_exact":
            return timed(repeats, lambda: g.betweenness(directed=False), lambda b: max_at(to_ours_normalized(b, n)))
        if algorithm == "betweenness_sampled":
            return not_comparable(f"python-igraph {self.version} has no betweenness from chosen sources (no sources=), only exact or cutoff")
        return None


class GraphTool:
    name = "graph-tool"

    def __init__(self, threads):
        import graph_tool.all as gt
        self.gt = gt
        self.version = gt.__version__.split()[0]
        if threads != "all":
            gt.openmp_set_num_threads(int(threads))
        self.threads = gt.openmp_get_num_threads() if gt.openmp_enabled() else 1

    def build(self, graph, edges, weights):
        g = self.gt.Graph(directed=False)
        g.add_vertex(graph["nodes"])
        g.add_edge_list(edges)
        w = g.new_edge_property("double")
        w.a = weights
        g.ep["w"] = w
        return g

    def run(self, algorithm, g, graph, plan, repeats, pivots):
        gt = self.gt
        s = g.vertex(graph["source"])
        n = graph["nodes"]
        if algorithm == "bfs":
            def bfs():
                d = gt.shortest_distance(g, s).a.astype(np.int64)
                d[d == UNREACHED_INT] = -1
                return d
            return timed(repeats, bfs, bfs_check)
        if algorithm == "khop":
            return timed(repeats, lambda: int((gt.shortest_distance(g, s, max_dist=3).a <= 3).sum()), khop_check)
        if algorithm == "dijkstra":
            return timed(repeats, lambda: gt.shortest_distance(g, s, weights=g.ep["w"]).a, dijkstra_check)
        if algorithm == "pagerank":
            # epsilon is the total L1 change between iterations, the plan's (and the service's) rule.
            def pagerank():
                return gt.pagerank(g, damping=plan["damping"], epsilon=plan["page_rank_tolerance"],
                                   max_iter=plan["page_rank_max_iterations"], ret_iter=True)
            return timed(repeats, pagerank,
                         lambda r: pagerank_entry(r[0].a, int(r[1]), int(r[1]) < plan["page_rank_max_iterations"]))
        if algorithm == "louvain":
            return not_comparable(f"graph-tool {self.version} has no Louvain (its community detection is stochastic block models, other work)")
        if algorithm == "components":
            return timed(repeats, lambda: gt.label_components(g)[1], lambda hist: components_check([int(x) for x in hist]))
        if algorithm == "betweenness_exact":
            # graph-tool always computes edge betweenness as well; that cannot be turned off.
            return timed(repeats, lambda: gt.betweenness(g, norm=False)[0].a, lambda b: max_at(to_ours_normalized(b, n)))
        if algorithm == "betweenness_sampled":
            k = len(pivots)
            chosen = pivots.astype(np.int64)
            return timed(repeats, lambda: gt.betweenness(g, pivots=chosen, norm=False)[0].a,
                         lambda b: max_at(sampled_to_ours(b, n, k)))
        return None


class NetworkX:
    name = "networkx"

    def __init__(self, threads):
        import networkx as nx
        self.nx = nx
        self.version = nx.__version__
        self.threads = 1

    def build(self, graph, edges, weights):
        g = self.nx.Graph()
        g.add_nodes_from(range(graph["nodes"]))
        g.add_weighted_edges_from(zip(edges[:, 0].tolist(), edges[:, 1].tolist(), weights.tolist()), weight="w")
        return g

    def run(self, algorithm, g, graph, plan, repeats, pivots):
        nx = self.nx
        s = graph["source"]
        n = graph["nodes"]

        def dense(mapping, missing):
            d = np.full(n, missing, dtype=float)
            d[list(mapping.keys())] = list(mapping.values())
            return d

        if algorithm == "bfs":
            return timed(repeats, lambda: nx.single_source_shortest_path_length(g, s),
                         lambda m: bfs_check(dense(m, -1).astype(np.int64)))
        if algorithm == "khop":
            return timed(repeats, lambda: nx.single_source_shortest_path_length(g, s, cutoff=3), lambda m: khop_check(len(m)))
        if algorithm == "dijkstra":
            return timed(repeats, lambda: nx.single_source_dijkstra_path_length(g, s, weight="w"),
                         lambda m: dijkstra_check(dense(m, np.inf)))
        if algorithm == "pagerank":
            # networkx stops when the total L1 change is below n·tol, so tol = tolerance/n is the plan's rule.
            def pagerank():
                return nx.pagerank(g, alpha=plan["damping"], max_iter=plan["page_rank_max_iterations"],
                                   tol=plan["page_rank_tolerance"] / n, weight=None)
            return timed(repeats, pagerank,
                         lambda r: pagerank_entry([r[v] for v in range(n)], "not reported by networkx", True))
        if algorithm == "louvain":
            return timed(repeats, lambda: nx.community.louvain_communities(g, weight=None, seed=plan["louvain_seed"]),
                         lambda c: {"modularity": nx.community.modularity(g, c, weight=None), "communities": len(c)})
        if algorithm == "components":
            return timed(repeats, lambda: [len(c) for c in nx.connected_components(g)], components_check)
        if algorithm == "betweenness_exact":
            if n > NETWORKX_EXACT_BETWEENNESS_LIMIT:
                return not_comparable(
                    f"not run: networkx exact betweenness on {n:,} nodes takes about ten minutes a round on this machine "
                    f"(run only up to {NETWORKX_EXACT_BETWEENNESS_LIMIT:,} nodes); see betweenness_sampled for the same Brandes per source")
            return timed(repeats, lambda: nx.betweenness_centrality(g, normalized=True, weight=None),
                         lambda b: max_at([b[v] for v in range(n)]))
        if algorithm == "betweenness_sampled":
            k = len(pivots)
            sources = [int(p) for p in pivots]
            return timed(repeats,
                         lambda: nx.betweenness_centrality_subset(g, sources, list(range(n)), normalized=False, weight=None),
                         lambda b: max_at(sampled_to_ours([b[v] for v in range(n)], n, k)))
        return None


def warm_up(library, plan):
    """Runs every algorithm once, untimed, on a small piece of the first graph (as Worker.WarmUp does for our JIT), so
    that no timed run pays for first-call costs: lazy imports, graph-tool's dispatch, OpenMP thread start-up."""
    graph = plan["graphs"][0]
    edges, weights, _ = load(graph)
    keep = (edges[:, 0] < 500) & (edges[:, 1] < 500)
    piece = {"nodes": min(500, graph["nodes"]), "source": 0, "exact_betweenness": True}
    g = library.build(piece, edges[keep], weights[keep])
    for algorithm in plan["algorithms"]:
        library.run(algorithm, g, piece, plan, 1, np.arange(min(10, piece["nodes"]), dtype=np.int32))


LIBRARIES = {"igraph": IGraph, "graph-tool": GraphTool, "networkx": NetworkX}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", required=True, choices=sorted(LIBRARIES))
    parser.add_argument("--plan", required=True)
    parser.add_argument("--threads", default="1", help="1, or all (graph-tool's OpenMP; the others are single-threaded)")
    parser.add_argument("--graphs", default="", help="comma-separated graph names from the plan; all when empty")
    args = parser.parse_args()
    if args.threads != "all" and not args.threads.isdigit():
        parser.error("--threads must be a number or all")

    with open(args.plan, encoding="utf-8") as f:
        plan = json.load(f)
    wanted = [x for x in args.graphs.split(",") if x]
    library = LIBRARIES[args.library](args.threads)
    output = {"library": library.name, "version": library.version, "threads": library.threads, "graphs": {}}
    warm_up(library, plan)
    for graph in plan["graphs"]:
        if wanted and graph["name"] not in wanted:
            continue
        edges, weights, pivots = load(graph)
        start = time.perf_counter()
        g = library.build(graph, edges, weights)
        log(f"  {library.name} {graph['name']}: built {graph['nodes']:,} nodes, {graph['edges']:,} edges in {time.perf_counter() - start:.1f} s")
        results = {}
        for algorithm in plan["algorithms"]:
            if algorithm == "betweenness_exact" and not graph["exact_betweenness"]:
                continue
            repeats = 1 if algorithm in graph["once"] else plan["repeats"]
            entry = library.run(algorithm, g, graph, plan, repeats, pivots)
            if entry is None:
                continue
            results[algorithm] = entry
            shown = f"{entry['seconds']:9.4f} s" if "seconds" in entry else "not comparable"
            log(f"  {library.name} {graph['name']:9} {algorithm:20} {shown}")
        output["graphs"][graph["name"]] = results
    output["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)
    json.dump(output, sys.stdout)
    print()


if __name__ == "__main__":
    main()
