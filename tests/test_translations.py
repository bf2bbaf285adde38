"""Every interface string is in the catalog template, and translated, with its placeholders, in every language."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"
CATALOGS = sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def messages(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {message.id: message for message in catalog if message.id}


def test_template_has_every_marked_string(tmp_path):
    """A new English string fails this test until `make translations` has run."""
    fresh = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [pybabel, "extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext", "-o", str(fresh), "."],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    missing = set(messages(fresh)) - set(messages(TRANSLATIONS / "messages.pot"))
    assert not missing, f"run `make translations`; not in translations/messages.pot: {sorted(map(str, missing))}"


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_catalog_translates_every_message_with_the_same_placeholders(catalog):
    language = catalog.parent.parent.name
    translated = messages(catalog)
    problems = []
    for msgid in messages(TRANSLATIONS / "messages.pot"):
        message = translated.get(msgid)
        text = message.string if message else ""
        if not text or (message and message.fuzzy):
            problems.append(f"{language}: not translated: {msgid!r}")
        elif set(PLACEHOLDER.findall(str(msgid))) != set(PLACEHOLDER.findall(str(text))):
            problems.append(f"{language}: placeholders differ in {msgid!r}: {text!r}")
    assert not problems, "\n".join(problems)
