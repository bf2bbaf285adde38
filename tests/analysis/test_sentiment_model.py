"""The learnt sentiment model stacked on the rules."""

from __future__ import annotations

import pytest

from analysis.pipeline import Analyser
from analysis.sentiment import model, sentiment, train
from analysis.text import tokens
from analysis.training import as_read
from analysis.wordmodel import features


def test_labels_are_the_classes_scikit_learn_predicts():
    pytest.importorskip("sklearn")
    import numpy as np
    import scipy.sparse as sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, languages, labels = train.read_sets()
    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2)

    def stack(batch, langs):
        readings = [sentiment(t, lang) for t, lang in zip(batch, langs, strict=True)]
        rules = (
            np.array([model.rule_features(r, len(tokens(t))) for r, t in zip(readings, batch, strict=True)])
            * train.RULE_SCALE
        )
        return sparse.hstack([vectoriser.transform([as_read(t) for t in batch]), sparse.csr_matrix(rules)]).tocsr()

    vectoriser.fit([as_read(text) for text in texts])
    classifier = LogisticRegression(C=train.C, class_weight="balanced", max_iter=10000)
    classifier.fit(stack(texts, languages), labels)
    samples = [
        "the youth worker at the centre sorted my college application out, couldn't have done it without her",
        "they closed the library and the youth club in the same year and nobody asked us",
        "the bus comes every twenty minutes and the stop has a shelter now",
    ]
    expected = classifier.predict(stack(samples, ["en"] * len(samples)))
    shipped = model.load()
    for text, label in zip(samples, expected, strict=True):
        reading = sentiment(text, "en")
        assert shipped.predict(text, reading) == label, text


@pytest.mark.parametrize("text", ["nothing", "dunno tbh", "yeah mostly", "feds"])
def test_answers_under_four_words_keep_the_rules_reading(text):
    reading = sentiment(text, "en")
    assert model.load().label(text, reading) == reading.label


@pytest.mark.parametrize(
    "text",
    [
        "i dont feel safe at all, i hate walking home past the flats at night",
        "the youth club is brilliant and the staff are amazing",
    ],
)
def test_a_sure_reading_of_the_rules_stands(text):
    reading = sentiment(text, "en")
    assert abs(reading.score) >= model.RULES_SURE
    assert model.load().label(text, reading) == reading.label


def test_the_model_reads_answers_the_rules_are_not_sure_of(monkeypatch):
    shipped = model.load()
    asked = []
    monkeypatch.setattr(type(shipped), "predict", lambda self, text, reading: asked.append(text) or "neutral")
    mild = "Put a proper crossing by the school, make it safe for the little ones"  # "safe": mildly positive
    sure = "the youth club is brilliant and the staff are amazing"
    assert 0 < sentiment(mild, "en").score < model.RULES_SURE <= sentiment(sure, "en").score
    assert shipped.label(mild, sentiment(mild, "en")) == "neutral"
    assert shipped.label(sure, sentiment(sure, "en")) == "positive"
    assert asked == [mild]


def test_a_missing_model_file_leaves_the_rules_deciding(monkeypatch, tmp_path):
    monkeypatch.setattr(model, "MODEL_PATH", tmp_path / "absent.json")
    model.load.cache_clear()
    try:
        assert model.load() is None
        text = "they closed the library and the youth club in the same year and nobody asked us"
        assert Analyser().code(text).sentiment == sentiment(text, "en").label
    finally:
        model.load.cache_clear()


def test_a_bad_label_in_a_training_file_names_the_file_and_row(monkeypatch, tmp_path):
    (tmp_path / "bad.csv").write_text("text,language,sentiment\nfine,en,neutral\noops,en,meh\n", encoding="utf-8")
    monkeypatch.setattr(train, "ROOT", tmp_path)
    with pytest.raises(ValueError, match=r"bad.csv:3: sentiment must be one of negative, neutral, positive, not 'meh'"):
        train.read_sets(("bad.csv",))
