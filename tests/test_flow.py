"""Flowcharts derived from a process's steps: the graph, its checks, its layout, and the drawn charts."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from opmanual.data import flow as f
from opmanual.data.dataset import load
from opmanual.data.model import Process
from opmanual.render import layout, measure
from opmanual.render.charts import OrgChart, org_chart
from opmanual.render.pages import full_name, render_all

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "charts"


def process(steps: list[object], **extra: object) -> Process:
    return Process.model_validate({"name": "งานทดสอบ", "steps": steps, **extra})


def edges(flow: f.Flow) -> list[tuple[str, str, str | None]]:
    return [(e.source, e.target, e.label) for e in flow.edges]


def test_default_flow_is_start_then_each_top_level_step_then_end() -> None:
    linear = f.derive(process(["ศึกษา", {"text": "ส่งเสริม", "steps": ["ย่อย"]}, "สรุป"]))
    assert [(n.key, n.kind, n.text) for n in linear.nodes] == [
        ("start", "terminal", "เริ่มต้น"),
        ("step-1", "process", "ศึกษา"),
        ("step-2", "process", "ส่งเสริม"),
        ("step-3", "process", "สรุป"),
        ("end", "terminal", "สิ้นสุด"),
    ]
    assert edges(linear) == [
        ("start", "step-1", None),
        ("step-1", "step-2", None),
        ("step-2", "step-3", None),
        ("step-3", "end", None),
    ]
    assert f.check(process(["ศึกษา", "สรุป"])) == []


def test_decision_after_a_step_loops_back() -> None:
    steps = [
        {"id": "draft", "text": "จัดทำร่าง"},
        {"text": "เสนอพิจารณา", "decision": {"question": "เห็นชอบ?", "yes": "ผ่าน", "no": "ไม่ผ่าน", "no_to": "draft"}},
        {"text": "เผยแพร่", "kind": "document", "label": "เล่มแผน"},
    ]
    loop = f.derive(process(steps))
    assert [n.key for n in loop.nodes] == ["start", "step-1", "step-2", "step-2-decision", "step-3", "end"]
    assert loop.node("step-3").kind == "document" and loop.node("step-3").text == "เล่มแผน"
    assert ("step-2-decision", "step-3", "ผ่าน") in edges(loop)
    assert ("step-2-decision", "step-1", "ไม่ผ่าน") in edges(loop)
    assert f.check(process(steps)) == []

    laid = layout.layout(loop)
    assert (laid.right_lanes, laid.left_lanes) == (1, 0)
    rows = {row.node.key: row for row in laid.rows}
    assert rows["step-2-decision"].below_label == "ผ่าน"
    assert rows["step-2-decision"].right == [layout.LaneCell(0, "top", "out", "ไม่ผ่าน")]
    assert rows["step-2"].right == [layout.LaneCell(0, "full")]
    assert rows["step-1"].right == [layout.LaneCell(0, "bottom", "in")]


def test_decision_before_a_step_and_a_forward_branch() -> None:
    steps = [
        {
            "id": "inside",
            "text": "ภายใน",
            "decision": {"question": "ภายใน?", "before": True, "no_to": "outside"},
            "next": "end",
        },
        {"id": "outside", "text": "ภายนอก"},
    ]
    branch = f.derive(process(steps))
    assert [n.key for n in branch.nodes] == ["start", "step-1-decision", "step-1", "step-2", "end"]
    assert edges(branch) == [
        ("start", "step-1-decision", None),
        ("step-1", "end", None),
        ("step-1-decision", "step-1", "ใช่"),
        ("step-1-decision", "step-2", "ไม่ใช่"),
        ("step-2", "end", None),
    ]
    laid = layout.layout(branch)
    assert (laid.right_lanes, laid.left_lanes) == (0, 2)  # two forward jumps overlap: two lanes on the left


@pytest.mark.parametrize(
    ("steps", "loc", "message"),
    [
        (
            [{"text": "ก", "decision": {"question": "?", "no_to": "nowhere"}}],
            ("steps", 0, "decision", "no_to"),
            "the flow goes to `nowhere`, which is not a step id of this process (ids: end)",
        ),
        (
            [{"text": "ก", "steps": [{"id": "sub", "text": "ย่อย"}], "next": "sub"}],
            ("steps", 0, "next"),
            "the flow can only go to a top-level step, and `sub` is a sub-step",
        ),
        (
            [{"text": "ก", "next": "end"}, "ข"],
            ("steps", 1),
            "no path of the flowchart reaches step 2 (ข)",
        ),
        (
            [{"text": "ก", "next": "end", "decision": {"question": "?", "no_to": "end"}}],
            ("steps", 0, "next"),
            "a step with a `decision` continues by its branches; remove `next`",
        ),
    ],
)
def test_invalid_flows_are_reported_where_they_are(steps: list[object], loc: tuple[object, ...], message: str) -> None:
    assert f.check(process(steps)) == [f.FlowError(loc, message)]


def test_a_flow_with_no_end() -> None:
    steps = [{"id": "a", "text": "ก"}, {"text": "ข", "next": "a"}]
    assert f.check(process(steps)) == [
        f.FlowError(("steps", 0), "the flowchart never reaches the end from step 1 (ก)"),
        f.FlowError(("steps", 1), "the flowchart never reaches the end from step 2 (ข)"),
    ]
    looped = [{"id": "a", "text": "ก", "decision": {"question": "?", "no_to": "end"}}, {"text": "ข", "next": "a"}]
    assert f.check(process(looped)) == []  # the loop has a way out


def test_invalid_flow_is_a_data_error_with_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from opmanual.errors import DataErrors

    data = tmp_path / "data"
    shutil.copytree(HERE / "fixtures/mini", data)
    review = data / "processes/review.yml"
    review.write_text(review.read_text(encoding="utf-8").replace("no_to: draft", "no_to: drafts"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataErrors) as caught:
        load(data)
    assert [str(e) for e in caught.value.errors] == [
        "data/processes/review.yml:27:7: flowchart: the flow goes to `drafts`, which is not a step id of this process "
        "(ids: draft, end, outside, publish, request)"
    ]


def test_text_alternative_says_the_flow_in_words() -> None:
    steps = [
        {"id": "draft", "text": "จัดทำร่าง"},
        {"text": "เสนอ", "decision": {"question": "เห็นชอบหรือไม่", "yes": "เห็นชอบ", "no": "ไม่เห็นชอบ", "no_to": "draft"}},
    ]
    assert layout.describe(f.derive(process(steps))) == [
        "เริ่มต้น → ขั้นตอน 1",
        "ขั้นตอน 1: จัดทำร่าง → ขั้นตอน 2",
        "ขั้นตอน 2: เสนอ → การตรวจสอบ “เห็นชอบหรือไม่”",
        "ตรวจสอบ: เห็นชอบหรือไม่ — ถ้าเห็นชอบ ไปที่ สิ้นสุด; ถ้าไม่เห็นชอบ ย้อนกลับไปที่ ขั้นตอน 1",  # a loop, said as one
        "สิ้นสุด",
    ]


def test_a_decision_diamond_is_sized_to_its_words() -> None:
    """Its text stays in the inscribed rectangle whatever the width (manual.css); the width keeps it a diamond."""
    short = layout.diamond("ผ่าน?")
    assert short == layout.Diamond(6.2, 0.0)  # one line: about 1.8 times as wide as its 3.3 em
    word = "กระบวนการเรียนรู้"  # one word, which is never cut: as wide as it needs, and taller than one line makes it
    one = layout.diamond(word)
    assert one.width * layout.DIAMOND_TEXT_SHARE >= measure.width(word)
    assert one.width / (layout.DIAMOND_EM_PER_LINE + 2 * one.padding) <= layout.DIAMOND_FLATTEST + 0.05
    assert one.style() == f"width: {one.width}em; padding: {one.padding}em 0"
    question = "ผู้อำนวยการกลุ่มเห็นชอบหรือไม่"  # wraps: within the table's column
    assert layout.diamond(question).width <= layout.DIAMOND_WIDTHS[1] + 0.2
    long = layout.diamond("ประสานความร่วมมือกับหน่วยงานภายนอกเพื่อพัฒนาคุณภาพการจัดการเรียนรู้" * 3)
    assert long.width > layout.DIAMOND_WIDTHS[1]  # wider than the column rather than a needle


CHARTS = {
    "linear-flow": ("processes/qa.md", r'<figure class="flowchart-figure".*?</figure>'),
    "decision-loop-table": ("processes/review.md", r'<div class="flowchart-wrap".*?</table>\s*</div>'),
    "decision-loop-diagram": ("processes/review.md", r'<figure class="flowchart-figure".*?</figure>'),
    "org-chart": ("group/organization.md", r'<figure class="org-figure".*?</figure>'),
}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_matches_golden(name: str) -> None:
    page, pattern = CHARTS[name]
    html = re.search(pattern, render_all(load(HERE / "fixtures/mini"))[page], re.DOTALL)
    assert html is not None
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html.group(0) + "\n", encoding="utf-8")
    assert html.group(0) + "\n" == golden.read_text(encoding="utf-8")


def test_work_groups_stand_side_by_side_only_where_their_words_fit() -> None:
    def chart(folder: Path) -> OrgChart:
        m = load(folder)
        return org_chart(m.organization, m.group.workgroups, m.group_head, lambda pid: full_name(m, pid), m.labels)

    assert chart(HERE / "fixtures/mini").across  # two work groups
    # seven, each as wide as its longest word or member's name: 54 em, more than a page or a screen has across
    assert not chart(HERE.parent / "data").across
