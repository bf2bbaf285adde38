"""The training commands: the shipped weights are exactly what training on the repository gives."""

from __future__ import annotations

import json

import pytest

from analysis.safeguarding import model as safeguarding_model
from analysis.safeguarding import train as safeguarding_train
from analysis.sentiment import model as sentiment_model
from analysis.sentiment import train as sentiment_train


@pytest.mark.parametrize(
    ("train", "model"),
    [(safeguarding_train, safeguarding_model), (sentiment_train, sentiment_model)],
    ids=["safeguarding", "sentiment"],
)
def test_the_shipped_model_is_exactly_what_training_on_the_repository_gives(train, model, tmp_path):
    pytest.importorskip("sklearn")
    output = tmp_path / "model.json"
    assert train.main(["-o", str(output)]) == 0
    assert json.loads(output.read_text(encoding="utf-8")) == json.loads(model.MODEL_PATH.read_text(encoding="utf-8"))
