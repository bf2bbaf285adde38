"""The theme word model: a second signal that confirms weak evidence and adds what coders read."""

from __future__ import annotations

import math

import pytest

from analysis.codebook import DEFAULT_CODEBOOK, load_codebook
from analysis.pipeline import Analyser
from analysis.text import tokens
from analysis.thememodel import from_data, load
from analysis.thememodel import train as theme_train
from analysis.themes import ThemeCoder
from analysis.training import as_read
from tests.analysis.test_safeguarding_model import BLIND_SETS

CODEBOOK = load_codebook(DEFAULT_CODEBOOK)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _toy_model(**coefficients: dict[str, float]) -> object:
    """A model over the codebook's themes where each named word alone gives the named themes a probability.

    With idf 1 and a single known word, the word's tf-idf weight is 1, so a coefficient of logit(p) minus the
    intercept gives probability p. A second, neutral word ("zzz") satisfies the model's minimum of known words.
    """
    themes = CODEBOOK.theme_ids
    intercept = -6.0
    features: dict[str, list[float]] = {"zzz": [1.0] + [0.0] * len(themes) + [0]}
    for word, wanted in coefficients.items():
        row = [0.0] * len(themes)
        for theme, probability in wanted.items():
            row[themes.index(theme)] = (_logit(probability) - intercept) * math.sqrt(2)
        features[word] = [1.0, *row]
    data = {"themes": list(themes), "confirm": 0.6, "add": 0.8, "intercept": [intercept] * len(themes)}
    return from_data(data | {"features": features})


def _themes(coder: ThemeCoder, text: str) -> dict[str, tuple[str, ...]]:
    return {hit.theme: hit.evidence for hit in coder.code(text, "en")}


def test_a_sure_model_adds_a_theme_with_no_evidence_and_quotes_its_words():
    coder = ThemeCoder(CODEBOOK, _toy_model(skatepark={"youth_spaces": 0.95}, quietly={"youth_spaces": 0.7}))
    assert _themes(coder, "zzz skatepark")["youth_spaces"] == ("skatepark",)
    # Between confirm and add, and no evidence: nothing.
    assert "youth_spaces" not in _themes(coder, "zzz quietly")


def test_the_model_confirms_weak_evidence_at_its_lower_threshold():
    # "club" is weak evidence of youth_spaces in the codebook: alone it codes nothing.
    assert "youth_spaces" not in _themes(ThemeCoder(CODEBOOK), "zzz the club")
    coder = ThemeCoder(CODEBOOK, _toy_model(club={"youth_spaces": 0.65}))
    assert _themes(coder, "zzz the club")["youth_spaces"] == ("club",)


def test_the_model_never_removes_a_theme_the_evidence_codes():
    coder = ThemeCoder(CODEBOOK, _toy_model(police={"police": 0.0001}))
    assert "police" in _themes(coder, "zzz the police never come")


def test_stop_words_alone_never_add_a_theme():
    model = _toy_model(because={"school": 0.99})
    data_row = model.features.index("because")
    assert model.explains[data_row]
    quiet = from_data(
        {
            "themes": list(model.themes),
            "confirm": 0.6,
            "add": 0.8,
            "intercept": model.intercept.tolist(),
            "features": {
                "zzz": [1.0] + [0.0] * len(model.themes) + [0],
                "because": [1.0, *model.coef[data_row].tolist(), 0],  # marked: stop words only
            },
        }
    )
    assert "school" not in _themes(ThemeCoder(CODEBOOK, quiet), "zzz because")


def test_a_model_for_other_themes_is_not_used():
    other = from_data({"themes": ["a", "b"], "confirm": 0.6, "add": 0.8, "intercept": [0, 0], "features": {}})
    assert ThemeCoder(CODEBOOK, other).model is None


def test_shipped_model_codes_what_coders_read_from_weak_words():
    analyser = Analyser()
    coded = analyser.code("the club being open on fridays again 🙏")
    assert coded.theme_ids == ("youth_spaces",)
    assert coded.themes[0].evidence == ("club",)
    assert "youth_spaces" in analyser.code("the library is warm and the staff know us").theme_ids


def test_shipped_model_is_for_this_codebook_and_never_trained_on_a_blind_set():
    model = load()
    assert model is not None
    assert model.themes == CODEBOOK.theme_ids
    assert not set(BLIND_SETS) & set(theme_train.TRAINING_SETS)
    assert all((theme_train.ROOT / path).exists() for path in theme_train.TRAINING_SETS)


def test_scores_are_the_probabilities_scikit_learn_gives():
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from analysis.wordmodel import features

    texts, labels = theme_train.read_sets()
    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)
    matrix = vectoriser.fit_transform([as_read(text) for text in texts])
    sample = "we need somewhere warm to go after school, the youth club shut and theres nothing on"
    shipped = load()
    assert shipped is not None
    passing = shipped.probabilities(tokens(as_read(sample)))
    assert passing, "the sample should pass the confirm threshold for some theme"
    for theme, (probability, _evidence) in passing.items():
        y = [theme in themes for themes in labels]
        classifier = LogisticRegression(C=theme_train.C, class_weight="balanced", max_iter=5000).fit(matrix, y)
        expected = classifier.predict_proba(vectoriser.transform([as_read(sample)]))[0, 1]
        assert probability == pytest.approx(expected, abs=1e-3), theme


def test_a_bad_theme_id_in_a_training_file_names_the_file_and_row(tmp_path, monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,text,themes\n1,hello,police\n2,hi,polise\n", encoding="utf-8")
    monkeypatch.setattr(theme_train, "ROOT", tmp_path)
    with pytest.raises(ValueError, match=r"bad\.csv:3: .*'polise'"):
        theme_train.read_sets(("bad.csv",))
