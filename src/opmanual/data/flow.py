"""The flowchart of a process as data: nodes and edges derived from its top-level steps, and checked.

Without any flow data a process flows start → each top-level step → end. A step's `decision` adds a diamond after
it whose `no` branch jumps (an earlier target makes a loop); `next` sends a step elsewhere. How it is drawn is
`site/layout.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import excerpt
from .model import END, Process, Step, SubStep

Kind = Literal["terminal", "process", "document", "decision"]
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Node:
    key: str
    kind: Kind
    text: str
    number: int | None = None  # the step's number in part 5, for step nodes
    step: Step | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str | None = None


@dataclass
class Flow:
    nodes: list[Node]
    edges: list[Edge]

    def __post_init__(self) -> None:
        self._index = {node.key: i for i, node in enumerate(self.nodes)}
        self._outgoing: dict[str, list[Edge]] = {}
        for edge in self.edges:
            self._outgoing.setdefault(edge.source, []).append(edge)

    def index(self, key: str) -> int:
        return self._index[key]

    def node(self, key: str) -> Node:
        return self.nodes[self._index[key]]

    def outgoing(self, key: str) -> list[Edge]:
        return self._outgoing.get(key, [])


@dataclass(frozen=True)
class FlowError:
    loc: Loc
    message: str


def _step_key(index: int) -> str:
    return f"step-{index + 1}"


def derive(process: Process) -> Flow:
    """Nodes in reading order and the edges between them. Targets that do not exist are left out (see `check`)."""
    chart = process.flowchart
    steps = process.steps
    # Going to a step means entering it: through its diamond when the check comes first.
    entry = [
        f"{_step_key(i)}-decision" if step.decision and step.decision.before else _step_key(i)
        for i, step in enumerate(steps)
    ] + ["end"]
    keys = {step.id: entry[i] for i, step in enumerate(steps) if step.id}
    keys[END] = "end"
    nodes = [Node("start", "terminal", chart.start)]
    edges = [Edge("start", entry[0])]
    for i, step in enumerate(steps):
        key = _step_key(i)
        box = Node(key, step.kind, step.label or step.text, i + 1, step)
        decision = step.decision
        if decision is None:
            nodes.append(box)
            target = keys.get(step.next) if step.next else entry[i + 1]
            if target:
                edges.append(Edge(key, target))
            continue
        diamond = Node(f"{key}-decision", "decision", decision.question, None, step)
        yes_default = key if decision.before else entry[i + 1]
        yes = keys.get(decision.yes_to) if decision.yes_to else yes_default
        no = keys.get(decision.no_to)
        if decision.before:
            nodes += [diamond, box]
            target = keys.get(step.next) if step.next else entry[i + 1]
            if target:
                edges.append(Edge(key, target))
        else:
            nodes += [box, diamond]
            edges.append(Edge(key, diamond.key))
        if yes:
            edges.append(Edge(diamond.key, yes, decision.yes))
        if no:
            edges.append(Edge(diamond.key, no, decision.no))
    nodes.append(Node("end", "terminal", chart.end))
    return Flow(nodes, edges)


def check(process: Process) -> list[FlowError]:
    """Targets that do not exist, steps no path reaches, and steps from which the end cannot be reached."""
    errors: list[FlowError] = []
    top = {step.id for step in process.steps if step.id} | {END}
    nested = {step.id for step in _nested(process.steps) if step.id}
    for i, step in enumerate(process.steps):
        targets: list[tuple[Loc, str | None]] = [(("steps", i, "next"), step.next)]
        if step.decision:
            targets += [
                (("steps", i, "decision", "yes_to"), step.decision.yes_to),
                (("steps", i, "decision", "no_to"), step.decision.no_to),
            ]
            if step.next and not step.decision.before:
                errors.append(
                    FlowError(("steps", i, "next"), "a step with a `decision` continues by its branches; remove `next`")
                )
        for loc, target in targets:
            if target is None or target in top:
                continue
            if target in nested:
                message = f"the flow can only go to a top-level step, and `{excerpt(target)}` is a sub-step"
            else:
                known = excerpt(", ".join(sorted(top)), 120)
                message = f"the flow goes to `{excerpt(target)}`, which is not a step id of this process (ids: {known})"
            errors.append(FlowError(loc, message))
    if errors:
        return errors

    flow = derive(process)
    reached = _reachable(flow, "start", forward=True)
    finishing = _reachable(flow, "end", forward=False)
    for node in flow.nodes:
        if node.step is None or node.kind == "decision":
            continue
        where: Loc = ("steps", node.number - 1) if node.number else ("steps",)
        if node.key not in reached:
            errors.append(
                FlowError(where, f"no path of the flowchart reaches step {node.number} ({excerpt(node.text)})")
            )
        elif node.key not in finishing:
            errors.append(
                FlowError(where, f"the flowchart never reaches the end from step {node.number} ({excerpt(node.text)})")
            )
    if "end" not in reached and not errors:
        errors.append(FlowError(("steps",), "the flowchart never reaches its end"))
    return errors


def _reachable(flow: Flow, key: str, *, forward: bool) -> set[str]:
    neighbours: dict[str, list[str]] = {}
    for edge in flow.edges:
        here, there = (edge.source, edge.target) if forward else (edge.target, edge.source)
        neighbours.setdefault(here, []).append(there)
    seen = {key}
    todo = [key]
    while todo:
        for there in neighbours.get(todo.pop(), []):
            if there not in seen:
                seen.add(there)
                todo.append(there)
    return seen


def _nested(steps: Sequence[SubStep]) -> Iterator[SubStep]:
    for step in steps:
        for sub in step.steps:
            yield sub
            yield from _nested([sub])
