"""Negotiator types (羊, 牛, 狐, 枭): the questionnaire, scoring and the advice text."""
import copy
import re
from importlib import resources

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from coursekit import negotiation as neg
from coursekit.negotiation import TYPES, NegotiationResult, negotiator_types, questionnaire, score

from .conftest import copied_runs

# The option letter of each type, question by question, read off the YAML by hand.
OWL = "adbcacdcbbba"
SHEEP = "bcdacbbacdac"
OX = "dacbdacdacdb"
FOX = "cbadbdabdacd"


def test_yaml_ships_as_package_data():
    f = resources.files("coursekit").joinpath("data/negotiation.yaml")
    assert f.is_file()
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    assert set(data["types"]) == set(TYPES) and len(data["questions"]) == 12


def test_every_question_points_once_to_each_type():
    for q in neg.load_negotiation()["questions"]:
        assert sorted(o["type"] for o in q["options"].values()) == sorted(TYPES), q["id"]


def test_hand_read_keys_cover_every_option_once():
    for i in range(12):
        assert sorted(k[i] for k in (OWL, SHEEP, OX, FOX)) == ["a", "b", "c", "d"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_questionnaire(lang):
    q = questionnaire(lang)
    assert list(q.columns) == ["question_id", "text", "a", "b", "c", "d"]
    assert list(q["question_id"]) == [f"q{i:02d}" for i in range(1, 13)]
    assert q.notna().all().all() and (q[["text", "a", "b", "c", "d"]].map(len) > 3).all().all()
    has_han = q["text"].str.contains(r"[\u4e00-\u9fff]")
    assert has_han.all() if lang == "zh" else not has_han.any()


def test_questionnaire_does_not_reveal_the_types():
    text = " ".join(questionnaire("en").drop(columns="question_id").to_numpy().ravel())
    assert not re.search(r"\b(sheep|ox|fox|owl)\b", text, flags=re.I)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_negotiator_types_table(lang):
    t = negotiator_types(lang)
    assert list(t.index) == list(TYPES)
    assert list(t.columns) == ["name", "label", "description", "in_collection", "negotiate_with", "if_yours"]
    assert (t.map(len) > 0).all().all()
    names = {"zh": ["羊", "牛", "狐", "枭"], "en": ["Sheep", "Ox", "Fox", "Owl"]}[lang]
    assert list(t["name"]) == names


@pytest.mark.parametrize("key,letters,name_zh", [("owl", OWL, "枭"), ("sheep", SHEEP, "羊"),
                                                 ("ox", OX, "牛"), ("fox", FOX, "狐")])
def test_pure_answers_give_that_type(key, letters, name_zh):
    r = score(list(letters))
    assert isinstance(r, NegotiationResult)
    assert r.type == key and r.name_zh == name_zh and r.tied == (key,)
    assert r.scores == {t: (12 if t == key else 0) for t in TYPES}
    types = neg.load_negotiation()["types"][key]
    assert types["if_yours"]["zh"] in r.advice_zh and types["description"]["en"] in r.advice_en


def test_mixed_answers_counted_by_hand():
    # q01-q07 owl, q08-q10 fox, q11-q12 sheep → owl 7, fox 3, sheep 2
    letters = OWL[:7] + FOX[7:10] + SHEEP[10:]
    r = score(letters)
    assert r.scores == {"sheep": 2, "ox": 0, "fox": 3, "owl": 7}
    assert r.type == "owl" and r.name_en == "Owl"


def test_ties_follow_the_documented_order():
    r = score("aaaaaaaaaaaa")  # three answers for each type
    assert r.scores == dict.fromkeys(TYPES, 3)
    assert r.type == "sheep" and r.tied == TYPES
    assert "持平" in r.advice_zh and "tie" in r.advice_en
    r2 = score(FOX[:6] + OWL[6:])  # fox 6, owl 6 → fox comes first in the order
    assert r2.type == "fox" and r2.tied == ("fox", "owl")
    r3 = score(OWL[:6] + OX[6:])  # owl 6, ox 6 → ox
    assert r3.type == "ox" and r3.tied == ("ox", "owl")


def test_dict_answers_and_case():
    as_dict = {f"q{i + 1:02d}": letter.upper() for i, letter in enumerate(OWL)}
    assert score(as_dict).type == "owl"
    by_number = {i + 1: letter for i, letter in enumerate(OX)}
    assert score(by_number).type == "ox"
    assert score([f" {x} " for x in FOX]).type == "fox"


@pytest.mark.parametrize("answers,match", [
    (list("abcdabcdabc"), "expected 12 answers.*got 11"),
    (list("abcdabcdabcda"), "expected 12 answers.*got 13"),
    ("abcdeabcdabc", r"question q05: answer 'e'"),
    (["a"] * 11 + [1], r"question q12: answer 1"),
    (["a"] * 6 + [None] + ["a"] * 5, r"question q07"),
    ({f"q{i:02d}": "a" for i in range(1, 12)}, r"q12 are not answered"),
    ({**{f"q{i:02d}": "a" for i in range(1, 13)}, "q13": "a"}, r"'q13' does not exist"),
    ({**{f"q{i:02d}": "a" for i in range(2, 13)}, "q01": "a", 1: "b"}, r"q01 is answered twice"),
    ({**{f"q{i:02d}": "a" for i in range(1, 13)}, "q03": "x"}, r"question q03: answer 'x'"),
    (12, "must be a list"),
])
def test_bad_answers(answers, match):
    with pytest.raises(ValueError, match=match):
        score(answers)


def test_bad_language():
    with pytest.raises(ValueError, match="lang"):
        questionnaire("fr")
    with pytest.raises(ValueError, match="lang"):
        negotiator_types("de")


@given(st.lists(st.sampled_from("abcd"), min_size=12, max_size=12))
def test_scores_add_up_and_winner_has_the_top_count(letters):
    r = score(letters)
    assert sum(r.scores.values()) == 12
    top = max(r.scores.values())
    assert r.scores[r.type] == top
    assert r.tied == tuple(t for t in TYPES if r.scores[t] == top) and r.type == r.tied[0]


def test_yaml_checks_catch_broken_data():
    good = neg.load_negotiation()
    bad = copy.deepcopy(good)
    bad["questions"][2]["options"]["d"]["type"] = "owl"   # two owls in q03
    with pytest.raises(ValueError, match="q03"):
        neg._check(bad)
    bad = copy.deepcopy(good)
    del bad["types"]["fox"]["if_yours"]["en"]
    with pytest.raises(ValueError, match="fox needs if_yours"):
        neg._check(bad)
    bad = copy.deepcopy(good)
    bad["questions"].pop()
    with pytest.raises(ValueError, match="q01..q12"):
        neg._check(bad)


LAW = re.compile(r"(民法典|刑法|民事诉讼法|Civil Code|Criminal Law|Civil Procedure)")


def test_advice_cites_an_article_wherever_it_names_a_law():
    for key, t in neg.load_negotiation()["types"].items():
        for field in ("negotiate_with", "if_yours", "description", "in_collection"):
            for lang in ("zh", "en"):
                text = t[field][lang]
                if LAW.search(text):
                    assert re.search(r"(第\d+条|arts?\.\s*\d+)", text), (key, field, lang)


def test_yaml_text_does_not_copy_the_sources(source_grams):
    text = resources.files("coursekit").joinpath("data/negotiation.yaml").read_text(encoding="utf-8")
    hits = copied_runs(text, source_grams)
    assert not hits, hits[:3]
