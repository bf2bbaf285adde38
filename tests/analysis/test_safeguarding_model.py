"""The safeguarding word model: a second opinion for wording no rule foresaw."""

from __future__ import annotations

import pytest

from analysis.safeguarding import flag, model, train
from analysis.training import as_read

#: Sets kept for measuring: never trained on, and read only after their first measurement (bench/README.md).
BLIND_SETS: tuple[str, ...] = (
    "bench/data/holdout-14.csv",
    "bench/data/holdout-15.csv",
    "bench/data/safeguarding-blind-10.csv",
)


def test_scores_are_the_probabilities_scikit_learn_gives():
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = train.read_sets()
    vectoriser = TfidfVectorizer(analyzer=model.features, sublinear_tf=True, min_df=2)
    classifier = LogisticRegression(C=train.C, class_weight="balanced", max_iter=5000)
    classifier.fit(vectoriser.fit_transform([as_read(text) for text in texts]), labels)
    shipped = model.load()
    samples = [
        "my mums boyfriend takes my phone off me and i cant go out, he says im not allowed to tell my nan",
        "the youth club is the best thing round here, please keep it open on fridays",
        "i feel like everyone would be better off if i just wasnt around any more tbh",
    ]
    expected = classifier.predict_proba(vectoriser.transform(samples))[:, 1]
    for text, probability in zip(samples, expected, strict=True):
        assert shipped.probability(text) == pytest.approx(probability, abs=1e-4), text


def test_no_blind_measurement_set_is_ever_trained_on():
    from analysis.sentiment import train as sentiment_train

    assert not set(BLIND_SETS) & (set(train.TRAINING_SETS) | set(sentiment_train.TRAINING_SETS))
    assert all((train.ROOT / path).exists() for path in (*train.TRAINING_SETS, *BLIND_SETS))


@pytest.mark.parametrize(
    "text",
    [
        "been giving all my stuff away to my mates, i wont need any of it soon",
        "he says if i tell my teacher about what happens at his flat ill get in trouble too",
        "mum hasnt been home since friday and theres nothing in the fridge, im looking after the twins",
    ],
)
def test_disclosures_no_rule_recognises_are_flagged_with_the_words_that_weighed(text):
    concern = flag(text, "en")
    assert concern.reasons == ("possible_disclosure",)
    assert concern.evidence
    assert all(piece.lower() in text.lower() for piece in concern.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "i go to the gym with my mates most days, its sound",
        "my mum makes me share my location when i go out which is annoying",
        "Mama kupuje mi prezenty na urodziny",
        "nie wiem",
        "help me",
    ],
)
def test_everyday_and_very_short_answers_are_left_to_the_rules(text):
    assert not flag(text, "en").flagged


def test_evidence_is_never_stop_words_alone():
    shipped = model.load()
    words = shipped.evidence("and i was like me and then i was and it was me and i")
    assert all(word in shipped.explains for word in words)
    assert not {"and", "i", "me", "was"} & set(words)


def test_a_missing_model_file_leaves_the_rules_working(monkeypatch, tmp_path):
    monkeypatch.setattr(model, "MODEL_PATH", tmp_path / "absent.json")
    model.load.cache_clear()
    try:
        assert model.load() is None
        assert "abuse_at_home" in flag("my stepdad hits me when mum is at work", "en").reasons
        assert not flag("been giving all my stuff away to my mates, i wont need any of it soon", "en").flagged
    finally:
        model.load.cache_clear()


def test_a_bad_label_in_a_training_file_names_the_file_and_row(monkeypatch, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,safeguarding\nfine,0\noops,maybe\n", encoding="utf-8")
    monkeypatch.setattr(train, "ROOT", tmp_path)
    with pytest.raises(ValueError, match=r"bad.csv:3: safeguarding must be 0 or 1, not 'maybe'"):
        train.read_sets(("bad.csv",))
