"""Ids for imported people, processes and work groups, as the lowercase `a-z0-9-` ids of the data folder, unique
among their kind, and as a supervisor would choose them.

- A person's id is the given name and the surname in the Royal Institute romanisation, cut into syllables with
  PyThaiNLP's syllable list and read by `royin` (อนวัช → anawat, ไข่ขาว → khaikhao, ชนิดา → chanida).
- A process's or a work group's id is a few English words for what it names, as hand-made ids are
  (qa-system-promotion, media-innovation): the words of the education-supervision vocabulary that its name holds
  (`GLOSSARY`), the things first and the action last. A name with none of them is romanised, a few words long.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..data.model import ID_MAX
from ..thai import normalize
from .royin import romanize_pieces

if TYPE_CHECKING:
    from pythainlp.util import Trie

_NOT_ID = re.compile(r"[^a-z0-9]+")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
WORDS_IN_A_PROCESS_ID = 4
PROCESS_ID_MAX = 40
WORKGROUP_ID_MAX = 30

# What processes and work groups of an area office's supervision group are named with, as English id words. An
# action (what is done) ends a process's id; things (what it is done to) come first, in the order English puts
# them (Thai names the head first: คลินิกการอ่าน, clinic of reading → reading-clinic). Words that every name has
# (งาน, กลุ่มงาน, การศึกษา) name nothing in particular and are left out.
ACTIONS = {
    "ส่งเสริม": "promotion",
    "สนับสนุน": "support",
    "วิจัย": "research",
    "ศึกษาค้นคว้า": "study",
    "นิเทศ": "supervision",
    "ติดตาม": "monitoring",
    "ประเมินผล": "evaluation",
    "ตรวจสอบ": "audit",
    "วิเคราะห์": "analysis",
    "ประสานงาน": "coordination",
    "บริหาร": "management",
    "อบรม": "training",
    "รายงาน": "reporting",
    "จัดทำ": "preparation",
    "พัฒนา": "development",
}
THINGS = {
    "ประกันคุณภาพ": "qa",
    "ระบบ": "system",
    "หลักสูตร": "curriculum",
    "กระบวนการเรียนรู้": "learning",
    "วัดและประเมินผล": "assessment",
    "สื่อ": "media",
    "นวัตกรรม": "innovation",
    "เทคโนโลยี": "technology",
    "เลขานุการ": "secretariat",
    "คณะกรรมการ": "committee",
    "ธุรการ": "administration",
    "วิชาการ": "academic",
    "หน่วยงานอื่น": "interagency",
    "คลินิก": "clinic",
    "การอ่าน": "reading",
    "การเขียน": "writing",
    "ภาษาไทย": "thai",
    "คณิตศาสตร์": "math",
    "วิทยาศาสตร์": "science",
    "ภาษาอังกฤษ": "english",
    "แผนการนิเทศ": "supervision-plan",
    "แผน": "plan",
    "โครงการ": "project",
    "ห้องเรียน": "classroom",
    "สถานศึกษา": "school",
    "โรงเรียน": "school",
    "ครู": "teacher",
    "ผู้เรียน": "student",
    "นักเรียน": "student",
    "เครือข่าย": "network",
    "กลุ่มโรงเรียน": "cluster",
    "ศูนย์": "centre",
    "การศึกษาพิเศษ": "special-education",
    "ปฐมวัย": "early-childhood",
    "ทดสอบ": "testing",
    "สารสนเทศ": "information",
    "ข้อมูล": "data",
    "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ": "plc",
}
GENERIC = ("กลุ่มงาน", "งาน", "ภารกิจใน", "ภารกิจ", "การศึกษาขั้นพื้นฐาน", "การจัดการศึกษา", "การศึกษา", "ทางการ")
_TERMS = sorted([*ACTIONS, *THINGS, *GENERIC], key=len, reverse=True)


@cache
def _syllable_trie() -> Trie:
    """PyThaiNLP's Thai syllables as a trie to cut words with (0.08 s; its `syllable_tokenize` took 0.6 s to load)."""
    from pythainlp.corpus import thai_syllables
    from pythainlp.util import Trie

    return Trie(thai_syllables())


def _syllables(word: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return [part for part in word_tokenize(word, custom_dict=_syllable_trie(), engine="newmm") if part.strip()]


def romanize_word(word: str) -> str:
    """One Thai word in the Royal Institute system, read syllable by syllable (`royin`)."""
    return romanize_pieces(_syllables(word))


def romanize(text: str) -> str:
    """`text` in Latin letters: Thai words romanised one by one (whole phrases romanise worse), the rest kept."""
    from pythainlp.tokenize import word_tokenize

    words = []
    for word in word_tokenize(normalize(text), keep_whitespace=False):
        words.append(romanize_word(word) if _THAI.search(word) else word.lower())
    return " ".join(word for word in words if word)


def slug(text: str, words: int | None = None) -> str:
    """An id from `text`: romanised, lowercase, words joined by `-`; at most `words` Thai words."""
    # An id holds ID_MAX characters, and romanising is slow (a long paragraph taken for a name took seconds): only
    # the start of the text can reach the id.
    text = text[: 2 * ID_MAX]
    parts = [part for part in _NOT_ID.split(romanize(text).replace(" ", "-").lower()) if part]
    if words is not None:
        parts = parts[:words]
    value = "-".join(parts)[:ID_MAX].strip("-")
    return value or "item"


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … the first one not in `taken`; the result is added to `taken`."""
    value, number = base, 1
    while value in taken:
        number += 1
        value = f"{base[: ID_MAX - len(str(number)) - 1]}-{number}"
    taken.add(value)
    return value


def person_id(name: str, surname: str, taken: set[str]) -> str:
    """`name-surname`, each romanised as one word (ranya-champamun, not ranya-champa-mun)."""
    return unique(
        "-".join(part for part in (slug(name).replace("-", ""), slug(surname).replace("-", "")) if part), taken
    )


def _terms(name: str) -> tuple[list[str], list[str]]:
    """The things and the actions `name` names, as English id words: things in English order, actions as found."""
    text = normalize(name)[: 4 * PROCESS_ID_MAX]
    things: list[str] = []
    actions: list[str] = []
    # Thai puts the head of a phrase first; a space, และ or หรือ starts another phrase, which keeps its place.
    for phrase in re.split(r"\s+|และ(?!ประเมินผล)|หรือ|,", text):
        found: list[str] = []
        at = 0
        while at < len(phrase):
            term = next((term for term in _TERMS if phrase.startswith(term, at)), None)
            if term is None:
                at += 1
                continue
            if term in THINGS:
                found.append(THINGS[term])
            elif term in ACTIONS:
                actions.append(ACTIONS[term])
            at += len(term)
        things += [word for word in reversed(found) if word not in things]
    return things, list(dict.fromkeys(actions))


def _fit(words: list[str], limit: int) -> str:
    value = ""
    for word in words:
        longer = f"{value}-{word}" if value else word
        if len(longer) > limit:
            break
        value = longer
    return value


def _plain_words(name: str) -> str:
    """`name` without the words every name starts with (งาน, การ …), for a romanised id."""
    text = normalize(name).strip()
    for word in (*GENERIC, "การ"):
        if text.startswith(word) and len(text) > len(word):
            return text[len(word) :].strip()
    return text


def process_id(name: str, taken: set[str]) -> str:
    """A few English words for what the process does: up to two things, then its first action
    (งานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา → qa-system-promotion); romanised when it names none of them."""
    things, actions = _terms(name)
    words = [*things[:2], *actions[:1]] if things else actions[:2]
    value = _fit(words, PROCESS_ID_MAX) if words else slug(_plain_words(name), WORDS_IN_A_PROCESS_ID)[:PROCESS_ID_MAX]
    return unique(value.strip("-") or "process", taken)


def workgroup_id(name: str, taken: set[str]) -> str:
    """What the work group looks after, in one or two English words (กลุ่มงานส่งเสริมและพัฒนาสื่อ นวัตกรรม…
    → media-innovation); its action when it names no thing; romanised when it names neither."""
    things, actions = _terms(name)
    words = things[:2] or actions[:2]
    value = _fit(words, WORKGROUP_ID_MAX) if words else slug(_plain_words(name), 3)[:WORKGROUP_ID_MAX]
    return unique(value.strip("-") or "workgroup", taken)
