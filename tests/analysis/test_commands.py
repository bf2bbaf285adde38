"""`python -m analysis code|evaluate`: the coded-CSV contract, and clear one-line errors for bad files."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.csvfiles import CODED_COLUMNS, CsvError, neutralise, read_rows


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def coded(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_code_writes_the_contract_columns(tmp_path):
    source = write(
        tmp_path / "in.csv",
        "id,text,language\n"
        "a1,the feds stopped and searched me again for nothing,en\n"
        "a2,,en\n"
        "a3,🙂🙂,\n"
        "a4,ring me on 07700 900555 about the youth club,en\n",
    )
    target = tmp_path / "out.csv"
    assert main(["code", str(source), "-o", str(target)]) == 0
    rows = coded(target)
    assert list(rows[0]) == list(CODED_COLUMNS)
    assert [r["id"] for r in rows] == ["a1", "a2", "a3", "a4"]
    assert "police" in rows[0]["themes"].split(";")
    assert rows[0]["sentiment"] in ("negative", "neutral", "positive")
    assert rows[1]["themes"] == ""
    assert rows[2]["themes"] == ""
    assert "07700 900555" not in rows[3]["redacted_text"]
    assert "[PHONE]" in rows[3]["redacted_text"]
    assert "youth_spaces" in rows[3]["evidence"]


def test_a_language_the_codebook_lacks_is_marked_for_human_coding(tmp_path):
    source = write(tmp_path / "in.csv", "id,text\nt1,Geceleri sokakta yürürken çok korkuyorum\n")
    target = tmp_path / "out.csv"
    main(["code", str(source), "-o", str(target)])
    [row] = coded(target)
    assert row["language"] == "tr"
    assert "needs human coding" in row["evidence"]


def test_odd_answers_are_coded_without_a_crash(tmp_path):
    long = "knife " * 20_000
    source = tmp_path / "in.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        odd = [["e", ""], ["w", "   \t "], ["emoji", "😡😡😡"], ["long", long], ["junk", "\x01\x02\ufffd\x7f"]]
        writer.writerows(odd)
    target = tmp_path / "out.csv"
    assert main(["code", str(source), "-o", str(target)]) == 0
    assert len(coded(target)) == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,answer\n1,hello\n", "no 'text' column (columns found: id, answer)"),
        ("text\nhello\n", "no 'id' column"),
        ("", "the file is empty"),
        ("id,text\n1,a,b\n", "row 2: more cells than columns"),
    ],
)
def test_bad_files_get_a_one_line_error(tmp_path, content, message):
    source = write(tmp_path / "in.csv", content)
    with pytest.raises(CsvError) as caught:
        read_rows(source, ("id", "text"))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_utf8_names_the_row(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes("id,text\n1,fine\n2,caf\xe9 latin-1\n".encode("latin-1"))
    with pytest.raises(CsvError, match=r"row 3: not UTF-8 text"):
        read_rows(source, ("id", "text"))


def test_command_line_error_exits_non_zero_with_one_line(tmp_path):
    source = write(tmp_path / "in.csv", "id,answer\n1,hello\n")
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "code", str(source)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no 'text' column" in result.stderr


@pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2", "@SUM(A1)", " =HYPERLINK()", "\tx"])
def test_spreadsheet_formulas_are_neutralised(value):
    assert neutralise(value).startswith("'")


def test_evaluate_prints_every_measure_with_languages_apart(tmp_path):
    gold = write(
        tmp_path / "gold.csv",
        "id,text,themes,sentiment,safeguarding,language,pii\n"
        "g1,the police never come round here,police,negative,0,en,\n"
        "g2,my mate Kyle Dawson got jumped on the bus,violence;public_space,negative,0,en,Kyle Dawson\n"
        "g3,Policja nigdy nie przyjeżdża,police,negative,0,pl,\n",
    )
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "evaluate", str(gold)], capture_output=True, text=True, check=True
    )
    out = result.stdout
    for measure in ("theme macro-F1", "sentiment macro-F1", "safeguarding recall", "personal-detail leaks"):
        assert measure in out
    assert "English (2)" in out
    assert "other languages (1)" in out
    assert "language accuracy" in out


def test_wordcloud_draws_redacted_answers_of_one_theme(tmp_path):
    rows = ["id,text"]
    rows += [f'y{i},"the youth club closed and theres nothing to do, ask Kyle Dawson"' for i in range(12)]
    rows += [f"p{i},police never come round here" for i in range(12)]
    source = write(tmp_path / "in.csv", "\n".join(rows) + "\n")
    target = tmp_path / "cloud.png"
    assert main(["wordcloud", str(source), "-o", str(target), "--theme", "youth_spaces"]) == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from analysis.commands import word_cloud_file

    summary = word_cloud_file(source, target, "youth_spaces")
    assert summary.startswith("12 answers")
    assert "each used by at least 10 answers" in summary


def test_wordcloud_suppresses_groups_under_ten(tmp_path):
    from analysis.commands import word_cloud_file

    rows = ["id,text", *(f"y{i},the youth club closed and theres nothing to do" for i in range(9))]
    source = write(tmp_path / "in.csv", "\n".join(rows) + "\n")
    summary = word_cloud_file(source, tmp_path / "cloud.png", "youth_spaces")
    assert summary == "9 answers: fewer than 10, so no cloud is drawn (small groups are suppressed)"
    assert (tmp_path / "cloud.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = word_cloud_file(source, tmp_path / "cloud.png", "youth_spaces", min_group=5)
    assert summary.startswith("9 answers, ")
    assert "each used by at least 5 answers" in summary


def test_wordcloud_refuses_an_unknown_theme(tmp_path):
    source = write(tmp_path / "in.csv", "id,text\n1,hello\n")
    assert main(["wordcloud", str(source), "-o", str(tmp_path / "c.png"), "--theme", "nope"]) == 2


def test_evidence_is_redacted_like_the_answer(tmp_path):
    source = write(tmp_path / "in.csv", "id,text\n1,my stepdad Kevin Brown hits me when hes drunk\n")
    target = tmp_path / "out.csv"
    assert main(["code", str(source), "-o", str(target)]) == 0
    [row] = coded(target)
    assert row["safeguarding"] == "1"
    assert "Kevin" not in row["evidence"]
    assert "Brown" not in row["evidence"]
    assert "[NAME]" in row["evidence"]
