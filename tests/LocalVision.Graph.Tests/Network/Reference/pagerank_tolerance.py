"""Offline check for the PageRank default tolerance: igraph's converged (PRPACK) top-10 order against the power
iteration LocalVision runs (networkx's rule), stopped at different L1 tolerances, on a generated graph."""
import sys, time, igraph

def generate(n, m, seed, preferential=True):
    # Same generator as tests/LocalVision.Graph.Tests/Network/PageRankToleranceTests.cs (64-bit LCG, Knuth's MMIX constants).
    x = seed & 0xFFFFFFFFFFFFFFFF
    def nxt():
        nonlocal x
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return x >> 33
    ends, edges, seen = [], [], set()
    for v in range(1, n):
        for _ in range(min(m, v)):
            r = nxt()
            u = nxt() % v if not preferential or (r & 1) == 0 or not ends else ends[nxt() % len(ends)]
            key = (min(u, v), max(u, v))
            if u == v or key in seen:
                continue
            seen.add(key); edges.append(key); ends.append(u); ends.append(v)
    return edges

def power(n, adj, tol_l1, damping=0.85, max_iter=10000):
    deg = [len(a) for a in adj]
    rank = [1.0 / n] * n
    for it in range(1, max_iter + 1):
        dangling = sum(rank[u] for u in range(n) if deg[u] == 0)
        share = [damping * rank[u] / deg[u] if deg[u] else 0.0 for u in range(n)]
        tele = (damping * dangling + 1 - damping) / n
        nxt = [sum(share[u] for u in adj[v]) + tele for v in range(n)]
        change = sum(abs(a - b) for a, b in zip(nxt, rank))
        rank = nxt
        if change < tol_l1:
            return rank, it
    return rank, max_iter

def top(scores, k=10):
    return sorted(range(len(scores)), key=lambda v: (-scores[v], v))[:k]

n, m, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
pref = len(sys.argv) < 5 or sys.argv[4] != 'uniform'
tols = [float(t) for t in sys.argv[5].split(',')] if len(sys.argv) > 5 else [1e-6, 1e-8, 1e-9, 1e-10, 1e-12]
edges = generate(n, m, seed, pref)
g = igraph.Graph(n=n, edges=edges, directed=False)
ref = g.pagerank(damping=0.85, directed=False)
print(f"n={n} edges={len(edges)} igraph top10={top(ref)}")
adj = [[] for _ in range(n)]
for a, b in edges:
    adj[a].append(b); adj[b].append(a)
for label, tol in [("n*1e-6 (networkx, old)", n * 1e-6)] + [(repr(t), t) for t in tols]:
    t = time.time()
    scores, it = power(n, adj, tol)
    t10 = top(scores)
    maxdiff = max(abs(a - b) for a, b in zip(scores, ref))
    print(f"tol L1<{label}: iterations={it} top10 match={t10 == top(ref)} first mismatch={next((i for i,(a,b) in enumerate(zip(t10, top(ref))) if a!=b), None)} max|diff|={maxdiff:.3e} ({time.time()-t:.0f}s)", flush=True)
