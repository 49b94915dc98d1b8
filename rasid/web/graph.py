"""Server-side drawing of the who-met-whom network: a force-directed layout by networkx
(Fruchterman-Reingold, fixed seed: the same graph is drawn the same way), scaled to an SVG
view box. The template draws the circles, lines and labels; nothing runs in the browser."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import networkx as nx

WIDTH, HEIGHT, MARGIN = 1000, 700, 70
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 50
MIN_RADIUS, MAX_RADIUS = 5.0, 22.0
MIN_STROKE, MAX_STROKE = 1.0, 8.0


@dataclass(frozen=True)
class DrawnNode:
    id: Any
    name: str
    country: str | None
    strength: int
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class DrawnEdge:
    a: Any
    b: Any
    weight: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


def _scaled(value: float, top: float, low: float, high: float) -> float:
    """``value`` in (0, top] onto [low, high] by square root (areas, not radii, grow linearly)."""
    if top <= 0:
        return low
    return low + (high - low) * math.sqrt(max(value, 0) / top)


def _component_positions(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Each connected component laid out on its own (spring layout in a unit box), the boxes
    packed in rows, biggest first, a box's side growing with the square root of its size:
    components do not fly apart and small ones do not pile up in a corner."""
    components = sorted((sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), str(c[0])))
    row_width = max(math.sqrt(graph.number_of_nodes()) * 1.3, math.sqrt(len(components[0])))
    positions: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in components:
        side = math.sqrt(len(nodes))
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        sub = graph.subgraph(nodes)
        if len(nodes) == 1:
            local = {nodes[0]: (0.5, 0.5)}
        else:
            spread = 1.5 / math.sqrt(len(nodes))
            raw = nx.spring_layout(sub, k=spread, iterations=LAYOUT_ITERATIONS, seed=LAYOUT_SEED, weight="weight")
            xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
            w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
            local = {n: (0.1 + 0.8 * (p[0] - min(xs)) / w, 0.1 + 0.8 * (p[1] - min(ys)) / h) for n, p in raw.items()}
        for node, (u, v) in local.items():
            positions[node] = (x + u * side, y + v * side)
        x += side
        row_height = max(row_height, side)
    return positions


def layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> tuple[list[DrawnNode], list[DrawnEdge]]:
    """Positions in the view box for the network of rasid.web.queries.network."""
    if not nodes:
        return [], []
    graph = nx.Graph()
    graph.add_nodes_from(node["id"] for node in nodes)
    graph.add_weighted_edges_from((e["a"], e["b"], e["weight"]) for e in edges)
    positions = _component_positions(graph)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    width_span = (max(xs) - min(xs)) or 1.0
    height_span = (max(ys) - min(ys)) or 1.0

    def point(node_id: Any) -> tuple[float, float]:
        x, y = positions[node_id]
        if len(nodes) == 1:
            return WIDTH / 2, HEIGHT / 2
        return (round(MARGIN + (x - min(xs)) / width_span * (WIDTH - 2 * MARGIN), 1),
                round(MARGIN + (y - min(ys)) / height_span * (HEIGHT - 2 * MARGIN), 1))

    top_strength = max(node["strength"] for node in nodes)
    drawn_nodes = [DrawnNode(node["id"], node.get("name") or str(node["id"]), node.get("country"), node["strength"],
                             *point(node["id"]), round(_scaled(node["strength"], top_strength, MIN_RADIUS, MAX_RADIUS), 1))
                   for node in nodes]
    top_weight = max((e["weight"] for e in edges), default=1)
    drawn_edges = [DrawnEdge(e["a"], e["b"], e["weight"], *point(e["a"]), *point(e["b"]),
                             round(_scaled(e["weight"], top_weight, MIN_STROKE, MAX_STROKE), 1))
                   for e in edges]
    return drawn_nodes, drawn_edges
