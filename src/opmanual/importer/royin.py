"""Thai words in the Royal Institute's romanisation (RTGS), for ids a supervisor would have chosen: อนวัช → anawat,
ไข่ขาว → khaikhao, ลักษณ์ → lak, วุฒิ → wut.

RTGS writes sounds, and Thai spelling leaves some of them out (the vowel a or o between consonants, a syllable's
linking a), so it needs a word cut into syllables first: `romanize_word` cuts with PyThaiNLP's syllable list and reads
each piece here, by the spelling rules a Thai reader applies: a leading vowel, an initial consonant or cluster, the
vowel's marks around it, one final consonant (its letter read as the final it sounds like) and silent letters
(those under ์, a consonant left over after a final). Tone marks are not written.
"""

from __future__ import annotations

import re

# Each consonant as an initial and as a final (RTGS table 1); อ as an initial is only a carrier of the vowel.
_CONSONANTS = {
    "ก": ("k", "k"),
    "ข": ("kh", "k"),
    "ฃ": ("kh", "k"),
    "ค": ("kh", "k"),
    "ฅ": ("kh", "k"),
    "ฆ": ("kh", "k"),
    "ง": ("ng", "ng"),
    "จ": ("ch", "t"),
    "ฉ": ("ch", "t"),
    "ช": ("ch", "t"),
    "ซ": ("s", "t"),
    "ฌ": ("ch", "t"),
    "ญ": ("y", "n"),
    "ฎ": ("d", "t"),
    "ฏ": ("t", "t"),
    "ฐ": ("th", "t"),
    "ฑ": ("th", "t"),
    "ฒ": ("th", "t"),
    "ณ": ("n", "n"),
    "ด": ("d", "t"),
    "ต": ("t", "t"),
    "ถ": ("th", "t"),
    "ท": ("th", "t"),
    "ธ": ("th", "t"),
    "น": ("n", "n"),
    "บ": ("b", "p"),
    "ป": ("p", "p"),
    "ผ": ("ph", "p"),
    "ฝ": ("f", "p"),
    "พ": ("ph", "p"),
    "ฟ": ("f", "p"),
    "ภ": ("ph", "p"),
    "ม": ("m", "m"),
    "ย": ("y", "i"),
    "ร": ("r", "n"),
    "ล": ("l", "n"),
    "ว": ("w", "o"),
    "ศ": ("s", "t"),
    "ษ": ("s", "t"),
    "ส": ("s", "t"),
    "ห": ("h", ""),
    "ฬ": ("l", "n"),
    "อ": ("", ""),
    "ฮ": ("h", ""),
}
_FIRST_OF_CLUSTER = set("กขคตปผพ")
_SOFT = set("งญนมยรลว")  # what a silent ห leads: หญิง, หนู, หมอ, หลวง, หวาน
_LEADING = "เแโใไ"
_FOLLOWING = set("ะัาำิีึืุู็")  # marks that read with the consonant before them
_TONES = re.compile("[\u0e48-\u0e4b]")
_SILENT = re.compile("[ก-ฮ][ิุ]?์")  # a letter under the thanthakhat: จันทร์, ศักดิ์

# A syllable's vowel as (leading vowel, the marks after the initial, RTGS, whether a final may follow), longest
# first. "" as marks: no written vowel (o before a final, a without one).
_VOWELS = [
    ("เ", "ือะ", "uea", False),
    ("เ", "ือ", "uea", True),
    ("เ", "ียะ", "ia", False),
    ("เ", "ีย", "ia", True),
    ("เ", "าะ", "o", False),
    ("เ", "อะ", "oe", False),
    ("เ", "อ", "oe", True),
    ("เ", "ิ", "oe", True),
    ("เ", "า", "ao", False),
    ("เ", "ะ", "e", False),
    ("เ", "็", "e", True),
    ("เ", "ย", "oei", False),
    ("เ", "", "e", True),
    ("แ", "ะ", "ae", False),
    ("แ", "็", "ae", True),
    ("แ", "", "ae", True),
    ("โ", "ะ", "o", False),
    ("โ", "", "o", True),
    ("ใ", "", "ai", False),
    ("ไ", "ย", "ai", False),
    ("ไ", "", "ai", False),
    ("", "ัวะ", "ua", False),
    ("", "ัว", "ua", False),
    ("", "ือ", "ue", False),
    ("", "็อ", "o", True),
    ("", "ะ", "a", False),
    ("", "ั", "a", True),
    ("", "า", "a", True),
    ("", "ำ", "am", False),
    ("", "ิ", "i", True),
    ("", "ี", "i", True),
    ("", "ึ", "ue", True),
    ("", "ื", "ue", True),
    ("", "ุ", "u", True),
    ("", "ู", "u", True),
    ("", "อ", "o", True),
    ("", "ว", "ua", True),  # สวน: ว between an initial and a final
    ("", "รร", "a", True),  # วรรณ, สรรพ
    ("", "", "", True),
]


def _initial(text: str, at: int) -> tuple[str, int]:
    """The initial consonant or cluster at `at`, in RTGS, and where it ends."""
    first = text[at]
    after = text[at + 1 : at + 2]
    if first in "หอ" and after in _SOFT and (first == "ห" or after == "ย") and _has_vowel_after(text, at + 2):
        return _CONSONANTS[after][0], at + 2  # ห and อ leading a soft consonant are not read: หนู → nu, อยู่ → yu
    if after and _has_vowel_after(text, at + 2):
        if first in "ทจศส" and after == "ร":
            return "s" if first == "ท" else _CONSONANTS[first][0], at + 2  # ทราย → sai, สร้าง → sang, จริง → ching
        if first in _FIRST_OF_CLUSTER and (after in "รล" or (after == "ว" and first in "กขค")):
            return _CONSONANTS[first][0] + _CONSONANTS[after][0], at + 2
    return _CONSONANTS[first][0], at + 1


def _has_vowel_after(text: str, at: int) -> bool:
    """Whether a written vowel reads with the consonants before `at` (so they are an initial, not a final)."""
    return at < len(text) and (text[at] in _FOLLOWING or (text[at] in "อว" and text[at + 1 : at + 2] not in _FOLLOWING))


def _syllables(text: str) -> list[tuple[str, str, bool]]:
    """`text` (one spoken piece, tone marks and silent letters removed) as syllables: (initial + vowel, final,
    whether its vowel was written)."""
    out: list[tuple[str, str, bool]] = []
    at = 0
    while at < len(text):
        if text[at] not in _CONSONANTS and text[at] not in _LEADING:
            at += 1  # a mark out of place: nothing to read
            continue
        leading = text[at] if text[at] in _LEADING else ""
        start = at + len(leading)
        if start >= len(text) or text[start] not in _CONSONANTS:
            at = start
            continue
        if leading and _read_apart(text, start):
            out.append((_CONSONANTS[text[start]][0] + "a", "", False))  # เจริญ → cha-roen, เฉลิม → cha-loem
            start += 1
        initial, at = _initial(text, start)
        vowel, final_allowed, written = "", True, False
        for lead, marks, sound, closed in _VOWELS:
            if lead == leading and text.startswith(marks, at) and (marks != "ว" or _final_follows(text, at + 1)):
                if marks == "อ" and not leading and text[at + 1 : at + 2] in _FOLLOWING:
                    continue  # อ here starts the next syllable: ขออภัย
                vowel, final_allowed, written = sound, closed, bool(lead or marks)
                at += len(marks)
                break
        final = ""
        if final_allowed and _final_follows(text, at):
            final = _CONSONANTS[text[at]][1]
            at += 1
            if not written and _final_follows(text, at):
                # Three consonants and no written vowel: a cluster and a final (กรม → krom), or the first read
                # with a and the other two with o (กนก → ka-nok, ชนก, กมล).
                if _cluster(text[at - 2 : at]):
                    initial += _CONSONANTS[text[at - 1]][0]
                else:
                    out.append((initial + "a", "", False))
                    initial = _CONSONANTS[text[at - 1]][0]
                final = _CONSONANTS[text[at]][1]
                at += 1
        if not written:
            vowel = "o" if final else "a"
        out.append((initial + vowel, final, written))
    return out


def _read_apart(text: str, at: int) -> bool:
    """Whether the two consonants at `at`, after a leading vowel, are two syllables: the vowel is the second's."""
    pair = text[at : at + 2]
    return (
        len(pair) == 2
        and pair[1] in _CONSONANTS
        and pair[0] not in "หอ"
        and pair not in ("ทร", "ศร", "สร")  # one sound: ประเสริฐ → prasoet
        and not _cluster(pair)
        and _has_vowel_after(text, at + 2)
    )


def _cluster(pair: str) -> bool:
    return len(pair) == 2 and pair[0] in _FIRST_OF_CLUSTER and pair[1] in "รลว"


def _final_follows(text: str, at: int) -> bool:
    """Whether the consonant at `at` closes the syllable before it (no vowel of its own follows it)."""
    return at < len(text) and text[at] in _CONSONANTS and not _starts_syllable(text, at)


def _starts_syllable(text: str, at: int) -> bool:
    return _has_vowel_after(text, at + 1) or (
        text[at + 1 : at + 2] in _CONSONANTS and _has_vowel_after(text, at + 2) and _cluster(text[at : at + 2])
    )


def romanize_pieces(pieces: list[str]) -> str:
    """A word cut into spoken pieces (อน|วัช, ไข่|ขาว), in RTGS lowercase letters."""
    out: list[str] = []
    texts = [_SILENT.sub("", _TONES.sub("", piece)) for piece in pieces]
    for number, text in enumerate(texts):
        syllables = _syllables(text)
        last_piece = number == len(texts) - 1
        if (
            len(syllables) == 1
            and not syllables[0][2]
            and len(text) == 2
            and text[0] == "อ"
            and text[1] != "ร"
            and not last_piece
        ):
            syllables = [("a", "", False), (_CONSONANTS[text[1]][0] + "a", "", False)]  # อนวัช → a-na-wat
        for place, (sound, final, written) in enumerate(syllables):
            last = place == len(syllables) - 1
            if last and place and not final and text.endswith(("ิ", "ุ")) and _open_and_written(syllables[place - 1]):
                # A Pali word's last vowel i or u after an open syllable is not read: its consonant is the final
                # (ชาติ → chat, วุฒิ → wut, เหตุ → het, ปฏิ|บัติ|งาน → patibatngan).
                out.append(_final_of(sound))
            elif last and last_piece and not written and not final and out and out[-1][-1:] not in "aeiou":
                # A consonant left over after a closed syllable is not read: ลักษ(ณ์) → lak, จันท(ร์) → chan.
                continue
            else:
                out.append(sound + final)
    return "".join(out)


def _open_and_written(syllable: tuple[str, str, bool]) -> bool:
    _, final, written = syllable
    return written and not final


def _final_of(sound: str) -> str:
    """The consonant of an open syllable read as a final (ติ → t, ฒิ → t)."""
    initial = sound[:-1]
    for letter, (as_initial, as_final) in _CONSONANTS.items():
        if as_initial == initial and letter not in "อหฮ":
            return as_final
    return ""
