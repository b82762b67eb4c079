"""Reference values from igraph (C core) for the network benchmark.

Reads bench/data/graph-10k-100k.csv (source,target,weight; undirected) and writes next to it:
  graph-10k-100k.igraph-betweenness.json  exact betweenness, undirected, unnormalised, unweighted,
                                          with igraph's own wall time for it
  graph-10k-100k.igraph-louvain.json      multilevel (Louvain) modularity, weighted

Run with the system Python, which has python3-igraph from Debian:
  /usr/bin/python3 bench/network/igraph_reference.py [bench/data/graph-10k-100k.csv]
"""

import csv
import json
import os
import platform
import random
import sys
import time

import igraph

here = os.path.dirname(os.path.abspath(__file__))
source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "graph-10k-100k.csv")
stem = source[: -len(".csv")]

with open(source, newline="") as f:
    rows = list(csv.DictReader(f))
edges = [(r["source"], r["target"], float(r["weight"])) for r in rows]
g = igraph.Graph.TupleList(edges, directed=False, weights=True)
names = g.vs["name"]
about = {
    "igraph": igraph.__version__,
    "python": platform.python_version(),
    "graph": os.path.basename(source),
    "nodes": g.vcount(),
    "edges": g.ecount(),
    "date": time.strftime("%Y-%m-%d"),
    # Two shared cores: the load at the time says how much to trust the timing.
    "load_average": round(os.getloadavg()[0], 2),
}

# Wall time is what a user waits; CPU time is what survives other work on the two shared cores.
start, cpu_start = time.perf_counter(), time.process_time()
betweenness = g.betweenness(directed=False, weights=None)
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
with open(stem + ".igraph-betweenness.json", "w") as f:
    json.dump(
        {
            **about,
            "seconds": round(seconds, 3),
            "cpu_seconds": round(cpu_seconds, 3),
            "betweenness": dict(zip(names, betweenness)),
        },
        f,
    )

# Multilevel visits nodes in random order; seeding Python's generator, which igraph uses, fixes it.
random.seed(42)
start = time.perf_counter()
communities = g.community_multilevel(weights="weight")
louvain_seconds = time.perf_counter() - start
with open(stem + ".igraph-louvain.json", "w") as f:
    json.dump(
        {
            **about,
            "seed": 42,
            "seconds": round(louvain_seconds, 3),
            "communities": len(communities),
            "modularity": g.modularity(communities.membership, weights="weight"),
        },
        f,
        indent=2,
    )
print(f"igraph {igraph.__version__}: betweenness {seconds:.1f} s ({cpu_seconds:.1f} s CPU), multilevel modularity {communities.modularity:.6f}")
