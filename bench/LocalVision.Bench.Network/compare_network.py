#!/usr/bin/python3
"""Times python3-igraph and python3-networkx on the graphs the C# benchmark exported, with the same parameters.

Input: int32 (start, end) pairs and float64 weights, little-endian, as written by Program.cs. Output: JSON on stdout
with seconds per library, graph ("full", "subgraph") and algorithm. Progress goes to stderr.
networkx runs on the subgraph only; its exact betweenness is estimated from a sample of sources (see the notes).
"""
import argparse
import json
import sys
import time

import igraph
import networkx as nx
import numpy as np


def log(message):
    print(message, file=sys.stderr, flush=True)


def best_of(repeats, run):
    best, result = None, None
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = run()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def load(edges_path, weights_path):
    edges = np.fromfile(edges_path, dtype="<i4").reshape(-1, 2)
    weights = np.fromfile(weights_path, dtype="<f8")
    return edges, weights


def time_igraph(edges, weights, nodes, source, repeats, betweenness, label, results):
    start = time.perf_counter()
    g = igraph.Graph(n=nodes, edges=edges, directed=False)
    g.es["w"] = weights
    log(f"  igraph {label}: loaded {g.vcount():,} nodes, {g.ecount():,} edges in {time.perf_counter() - start:.1f} s")
    times = {}
    times["bfs"], vids = best_of(repeats, lambda: g.bfs(source)[0])
    results[f"igraph {label} bfs"] = f"{len(vids):,} reached"
    times["khop"], hood = best_of(repeats, lambda: g.neighborhood(source, order=3))
    results[f"igraph {label} k-hop"] = f"{len(hood):,} nodes"
    times["dijkstra"], dist = best_of(repeats, lambda: g.distances(source=source, weights="w")[0])
    results[f"igraph {label} dijkstra"] = f"max {max(d for d in dist if d != float('inf')):.0f}"
    times["pagerank"], pr = best_of(repeats, lambda: g.pagerank(directed=False))
    results[f"igraph {label} pagerank"] = f"max {max(pr):.3e} (PRPACK, solved to convergence)"
    times["louvain"], clustering = best_of(repeats if betweenness else 1, lambda: g.community_multilevel())
    results[f"igraph {label} louvain"] = f"Q={clustering.modularity:.4f}, {len(clustering):,} communities"
    if betweenness:
        times["betweenness"], b = best_of(1, lambda: g.betweenness(directed=False))
        n = g.vcount()
        results[f"igraph {label} betweenness"] = f"max {max(b) * 2 / ((n - 1) * (n - 2)):.4f} (normalised)"
    for key, value in times.items():
        log(f"  igraph {label:9} {key:12} {value:9.3f} s")
    return times


def time_networkx(edges, weights, nodes, source, repeats, pivots, results, notes):
    g = nx.Graph()
    g.add_nodes_from(range(nodes))
    g.add_weighted_edges_from(((int(a), int(b), float(w)) for (a, b), w in zip(edges, weights)), weight="w")
    log(f"  networkx subgraph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges")
    if g.number_of_edges() != len(edges):
        notes.append(f"networkx merges parallel relationships: {len(edges):,} relationships became {g.number_of_edges():,} edges")
    times = {}
    times["bfs"], d = best_of(repeats, lambda: nx.single_source_shortest_path_length(g, source))
    results["networkx subgraph bfs"] = f"{len(d):,} reached"
    times["khop"], d = best_of(repeats, lambda: nx.single_source_shortest_path_length(g, source, cutoff=3))
    results["networkx subgraph k-hop"] = f"{len(d):,} nodes"
    times["dijkstra"], d = best_of(repeats, lambda: nx.single_source_dijkstra_path_length(g, source, weight="w"))
    results["networkx subgraph dijkstra"] = f"max {max(d.values()):.0f}"

    def pagerank():
        try:
            return nx.pagerank(g, max_iter=20, tol=1e-300, weight=None)
        except nx.PowerIterationFailedConvergence:
            return None

    times["pagerank"], _ = best_of(repeats, pagerank)
    times["louvain"], communities = best_of(repeats, lambda: nx.community.louvain_communities(g, weight=None, seed=1))
    results["networkx subgraph louvain"] = (
        f"Q={nx.community.modularity(g, communities, weight=None):.4f}, {len(communities):,} communities")
    n = g.number_of_nodes()
    k = min(pivots, n)
    start = time.perf_counter()
    nx.betweenness_centrality(g, k=k, seed=1, weight=None)
    sampled = time.perf_counter() - start
    times["betweenness"] = sampled * n / k
    notes.append(
        f"networkx exact betweenness on the subgraph is estimated: {k} sampled sources took {sampled:.2f} s, "
        f"scaled by n/k = {n}/{k} (Brandes' algorithm costs the same per source)")
    for key, value in times.items():
        log(f"  networkx subgraph {key:12} {value:9.3f} s")
    return times


def main():
    parser = argparse.ArgumentParser()
    for name in ("edges", "weights", "sub-edges", "sub-weights"):
        parser.add_argument(f"--{name}", required=True)
    for name in ("nodes", "source", "sub-nodes", "sub-source"):
        parser.add_argument(f"--{name}", type=int, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--networkx-pivots", type=int, default=200)
    args = parser.parse_args()

    notes = [
        "networkx runs on the subgraph only: on the full graph its pure-Python algorithms would take hours",
        "igraph PageRank uses PRPACK, which solves to convergence rather than running 20 power iterations",
        "k-hop is the set of nodes within 3 hops on every side (igraph Graph.neighborhood, networkx cutoff=3, ours EgoNetwork.Expand without relationships)",
    ]
    results = {}
    output = {
        "versions": {"python": sys.version.split()[0], "igraph": igraph.__version__, "networkx": nx.__version__},
        "igraph": {}, "networkx": {}, "notes": notes, "results": results,
    }
    sub_edges, sub_weights = load(args.sub_edges, args.sub_weights)
    output["igraph"]["subgraph"] = time_igraph(sub_edges, sub_weights, args.sub_nodes, args.sub_source, args.repeats, True, "subgraph", results)
    output["networkx"]["subgraph"] = time_networkx(
        sub_edges, sub_weights, args.sub_nodes, args.sub_source, args.repeats, args.networkx_pivots, results, notes)
    edges, weights = load(args.edges, args.weights)
    output["igraph"]["full"] = time_igraph(edges, weights, args.nodes, args.source, args.repeats, False, "full", results)
    json.dump(output, sys.stdout)


if __name__ == "__main__":
    main()
