"""The parts of each page, declared once in data/parts.py: the model, the labels and the recognisers read them there."""

from __future__ import annotations

from opmanual.data.labels import Labels
from opmanual.data.model import PARTS
from opmanual.data.parts import PAGES
from opmanual.importer.recognise import person, process


def test_the_model_labels_and_recognisers_take_the_parts_from_one_declaration() -> None:
    labels = Labels()
    assert {owner: tuple(part.key for part in parts) for owner, parts in PAGES.items()} == PARTS
    for parts in PAGES.values():
        for part in parts:
            assert part.wordings[0] == part.title
            if part.label is not None:
                assert getattr(labels, part.label) == part.title  # the heading our books print imports back
    assert [place.name for place in process.PLACES] == list(PARTS["process"])
    assert [place.words for place in process.PLACES] == [part.wordings for part in PAGES["process"]]
    headed = [part for part in PAGES["person"] if part.heading]
    assert [(place.name, place.words) for place in person.PLACES[: len(headed)]] == [
        (part.key, part.wordings) for part in headed
    ]
