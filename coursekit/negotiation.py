"""Negotiator types (谈判者类型): 羊 sheep, 牛 ox, 狐 fox, 枭 owl, and a self-test.

The AR workshop outline opens its negotiation module with four negotiator types
and a test of your own type. This module holds the course's questionnaire (12
questions, four options each, every option pointing to one type) and, for each
type, a description, how it shows in a collection talk, how to negotiate with
such a debtor and how to work on it if it is your own type. The text lives in
``coursekit/data/negotiation.yaml``.

The types sit on the two dimensions of Baddeley and James's political-skills
model (*Owl, Fox, Donkey or Sheep*, Management Education and Development
18(1), 1987): reading the situation well or poorly, and acting with integrity
or playing games. The 牛 (ox) of the Chinese workshops takes the donkey's place.

==== ====== =========================== ==========================
key  中文   reads the situation         acts
==== ====== =========================== ==========================
sheep 羊    poorly                      with integrity
ox    牛    poorly                      playing games / digging in
fox   狐    well                        playing games
owl   枭    well                        with integrity
==== ====== =========================== ==========================

Scoring: each answer adds one to the type its option points to; the type with
the most answers wins. **Ties** go to the type listed first in the order sheep,
ox, fox, owl (:data:`TIE_ORDER`): self-tests flatter, so a tie is resolved
towards the habit that needs more work, and the result lists every tied type in
``tied`` so the advice for each can be read.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

__all__ = ["TYPES", "TIE_ORDER", "NegotiationResult", "load_negotiation", "questionnaire", "negotiator_types",
           "score"]

TYPES = ("sheep", "ox", "fox", "owl")
TIE_ORDER = TYPES
LETTERS = ("a", "b", "c", "d")
N_QUESTIONS = 12
_TEXT_FIELDS = ("description", "in_collection", "negotiate_with", "if_yours")


@lru_cache(maxsize=1)
def load_negotiation() -> dict:
    """Read and check ``negotiation.yaml``; return ``{"types": {...}, "questions": [...], ...}``."""
    text = resources.files("coursekit").joinpath("data/negotiation.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    _check(data)
    return data


def _check(data: dict) -> None:
    where = "negotiation.yaml"
    if set(data.get("types", {})) != set(TYPES):
        raise ValueError(f"{where}: types must be exactly {', '.join(TYPES)}")
    for key, t in data["types"].items():
        for f in ("name_zh", "name_en", "label_zh", "label_en"):
            if not str(t.get(f, "")).strip():
                raise ValueError(f"{where}: type {key} lacks {f}")
        for f in _TEXT_FIELDS:
            if not isinstance(t.get(f), dict) or not all(str(t[f].get(lang, "")).strip() for lang in ("zh", "en")):
                raise ValueError(f"{where}: type {key} needs {f} in zh and en")
    qs = data.get("questions", [])
    ids = [q.get("id") for q in qs]
    if ids != [f"q{i:02d}" for i in range(1, N_QUESTIONS + 1)]:
        raise ValueError(f"{where}: questions must be q01..q{N_QUESTIONS:02d} in order")
    for q in qs:
        if not (str(q.get("zh", "")).strip() and str(q.get("en", "")).strip()):
            raise ValueError(f"{where}: question {q['id']} needs zh and en text")
        opts = q.get("options", {})
        if tuple(opts) != LETTERS:
            raise ValueError(f"{where}: question {q['id']} must have options a, b, c, d")
        if sorted(o.get("type", "") for o in opts.values()) != sorted(TYPES):
            raise ValueError(f"{where}: the options of question {q['id']} must point to the four types, one each")
        for letter, o in opts.items():
            if not (str(o.get("zh", "")).strip() and str(o.get("en", "")).strip()):
                raise ValueError(f"{where}: question {q['id']} option {letter} needs zh and en text")


def _lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return lang


def questionnaire(lang: str = "zh") -> pd.DataFrame:
    """The 12 questions, one row each, without revealing which type an option points to.

    Returns
    -------
    DataFrame
        Columns ``question_id`` (q01..q12), ``text`` and the four options ``a``,
        ``b``, ``c``, ``d``, in ``lang`` ('zh' or 'en').
    """
    lang = _lang(lang)
    rows = [{"question_id": q["id"], "text": q[lang], **{k: q["options"][k][lang] for k in LETTERS}}
            for q in load_negotiation()["questions"]]
    return pd.DataFrame(rows, columns=["question_id", "text", *LETTERS])


def negotiator_types(lang: str = "zh") -> pd.DataFrame:
    """The four types, indexed by key (sheep, ox, fox, owl).

    Columns ``name`` (羊/Sheep …), ``label``, ``description``, ``in_collection``
    (how the type shows when it is the debtor), ``negotiate_with`` (how to
    negotiate with such a debtor) and ``if_yours`` (how to work on it if it is
    your own type), in ``lang``.
    """
    lang = _lang(lang)
    types = load_negotiation()["types"]
    rows = [{"type": k, "name": types[k][f"name_{lang}"], "label": types[k][f"label_{lang}"],
             **{f: types[k][f][lang] for f in _TEXT_FIELDS}} for k in TYPES]
    return pd.DataFrame(rows).set_index("type")


@dataclass(frozen=True)
class NegotiationResult:
    """Your negotiator type from :func:`score`.

    ``type`` is 'sheep', 'ox', 'fox' or 'owl'; ``scores`` counts the answers per
    type (summing to 12); ``tied`` lists every type that shares the top count
    (one element when there is no tie); ``advice_zh``/``advice_en`` describe the
    type and how to work on it.
    """

    type: str
    name_zh: str
    name_en: str
    scores: dict[str, int]
    advice_zh: str
    advice_en: str
    tied: tuple[str, ...] = ()


def _letter(value, qid: str) -> str:
    if not isinstance(value, str) or value.strip().lower() not in LETTERS:
        raise ValueError(f"question {qid}: answer {value!r} is not one of a, b, c, d")
    return value.strip().lower()


def score(answers: Sequence[str] | Mapping[str, str]) -> NegotiationResult:
    """Score the questionnaire.

    Parameters
    ----------
    answers : list of str, str or dict
        Twelve letters a-d in question order (``["a", "c", ...]`` or
        ``"acbd..."``), or ``{question_id: letter}`` with all twelve ids
        (``"q01"``; the numbers 1-12 work too). Letters may be upper case.

    Returns
    -------
    NegotiationResult

    Notes
    -----
    scoreᵗ = number of answers whose option points to type t. The type with the
    highest score wins; a tie goes to the first tied type in the order sheep,
    ox, fox, owl (:data:`TIE_ORDER`), and ``tied`` lists all of them.

    Raises
    ------
    ValueError
        If there are not exactly 12 answers, a question is missing or unknown, or
        an answer is not a, b, c or d (the message names the question).

    Examples
    --------
    >>> score("aaaaaaaaaaaa").scores
    {'sheep': 3, 'ox': 3, 'fox': 3, 'owl': 3}
    """
    data = load_negotiation()
    qs = data["questions"]
    ids = [q["id"] for q in qs]
    if isinstance(answers, Mapping):
        given: dict[str, object] = {}
        for k, v in answers.items():
            qid = f"q{k:02d}" if isinstance(k, int) and not isinstance(k, bool) else str(k).strip().lower()
            if qid not in ids:
                raise ValueError(f"question {k!r} does not exist; the questions are q01..q{len(ids):02d}")
            if qid in given:
                raise ValueError(f"question {qid} is answered twice")
            given[qid] = v
        missing = [q for q in ids if q not in given]
        if missing:
            raise ValueError(f"questions {', '.join(missing)} are not answered; answer all {len(ids)}")
        letters = [_letter(given[q], q) for q in ids]
    elif isinstance(answers, (str, Sequence)):
        seq = list(answers)
        if len(seq) != len(ids):
            raise ValueError(f"expected {len(ids)} answers, one per question, but got {len(seq)}")
        letters = [_letter(v, q) for v, q in zip(seq, ids, strict=True)]
    else:
        raise ValueError(f"answers must be a list of {len(ids)} letters or a dict {{question_id: letter}}, "
                         f"not {type(answers).__name__}")

    counts = dict.fromkeys(TYPES, 0)
    for q, letter in zip(qs, letters, strict=True):
        counts[q["options"][letter]["type"]] += 1
    top = max(counts.values())
    tied = tuple(t for t in TIE_ORDER if counts[t] == top)
    winner = tied[0]
    t = data["types"][winner]
    advice = {}
    for lang in ("zh", "en"):
        parts = [t["description"][lang], t["if_yours"][lang]]
        if len(tied) > 1:
            names = [data["types"][x][f"name_{lang}"] for x in tied]
            if lang == "zh":
                parts.append(f"你的得分在{'、'.join(names)}之间持平（按羊、牛、狐、枭的顺序取{names[0]}），"
                             "其余几种类型的建议也值得一读。")
            else:
                parts.append(f"Your answers tie between {', '.join(names)} (the tie goes to {names[0]}, in the "
                             "order sheep, ox, fox, owl); read the advice for the others too.")
        advice[lang] = ("" if lang == "zh" else " ").join(parts)
    return NegotiationResult(type=winner, name_zh=t["name_zh"], name_en=t["name_en"], scores=counts,
                             advice_zh=advice["zh"], advice_en=advice["en"], tied=tied)
