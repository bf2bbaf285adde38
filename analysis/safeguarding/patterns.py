"""Helpers that expand pattern macros and rewrite word alternations as tries."""

from __future__ import annotations

import re
from collections.abc import Iterator

_MACRO = re.compile(r"<<([A-Z_]+)>>")


def _join(block: str) -> str:
    """Join a pattern written over several lines, dropping each line's indentation."""
    return "".join(line.strip() for line in block.splitlines())


def _expand(text: str, macros: dict[str, str]) -> str:
    """Replace every <<NAME>> with its macro, macros within macros included."""
    for _ in range(10):
        expanded = _MACRO.sub(lambda m: macros[m.group(1)], text)
        if expanded == text:
            return expanded
        text = expanded
    raise ValueError(f"macro loop in {text[:80]!r}")


def _top_level(src: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Yield ``(index, char, depth)`` for each unescaped character outside character classes.

    ``depth`` counts the groups open before the character (a ")" reports the depth it closes).
    """
    depth, i = 0, start
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(src, i) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield i, ch, depth
        i += 1


def _group_end(src: str, start: int) -> int:
    """Return the index of the ")" closing the group that opens at ``start``."""
    for i, ch, depth in _top_level(src, start):
        if ch == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced group in {src[start : start + 60]!r}")


def _class_end(src: str, start: int) -> int:
    """Return the index of the "]" closing the character class that opens at ``start``."""
    i = start + 1
    if i < len(src) and src[i] == "^":
        i += 1
    if i < len(src) and src[i] == "]":
        i += 1
    while src[i] != "]":
        i += 2 if src[i] == "\\" else 1
    return i


def _split_alternatives(src: str) -> list[str]:
    """Split a group's body at its top-level "|"."""
    parts, last = [], 0
    for i, ch, depth in _top_level(src):
        if ch == "|" and depth == 0:
            parts.append(src[last:i])
            last = i + 1
    parts.append(src[last:])
    return parts


def _plain_start(alternative: str) -> bool:
    return alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{")


def _trie(alternatives: list[str]) -> str:
    """Join alternatives that all start with a plain letter as a trie, keeping their order within each branch."""
    branches: dict[str, list[str]] = {}
    for alternative in alternatives:
        branches.setdefault(alternative[0], []).append(alternative[1:])
    out = []
    for first, rests in branches.items():
        if len(rests) == 1:
            out.append(first + rests[0])
        elif all(rest == "" or _plain_start(rest) for rest in rests) and len(set(rests)) == len(rests):
            out.append(f"{first}(?:{_trie_or_empty(rests)})")
        else:
            out.append(f"{first}(?:{'|'.join(rests)})")
    return "|".join(out)


def _trie_or_empty(rests: list[str]) -> str:
    if "" not in rests:
        return _trie(rests)
    # An empty alternative must keep its place: split the list around it.
    at = rests.index("")
    before, after = rests[:at], rests[at + 1 :]
    return "|".join([*([_trie(before)] if before else []), "", *([_trie(after)] if after else [])])


def _factor(src: str) -> str:
    """Rewrite ``(?:word|word|...)`` groups as tries: Python's engine tries alternatives one by one, so
    "hit|hits|hitting|hurt" costs four attempts at every position and "h(?:it(?:|s|ting)|urt)" costs one."""
    out, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            if src.startswith("\\s+", i):
                out.append("\\s+")
                i += 3
            else:
                out.append(src[i : i + 2])
                i += 2
        elif ch == "[":
            end = _class_end(src, i)
            out.append(src[i : end + 1])
            i = end + 1
        elif ch == "(":
            end = _group_end(src, i)
            body = src[i + 1 : end]
            opener = "("
            if body.startswith("?"):
                head = re.match(r"\?(?::|P<\w+>|=|!|<=|<!|>)", body)
                opener += head.group() if head else ""
                body = body[len(opener) - 1 :]
            alternatives = [_factor(a) for a in _split_alternatives(body)]
            if out and out[-1] in ("\\b", "\\s+"):
                # A word boundary is already certain here, so "\bim" is "im" (and can join the trie).
                alternatives = [a[2:] if a.startswith("\\b") and a[2:3].isalpha() else a for a in alternatives]
            if opener == "(?:" and len(alternatives) > 2 and all(_plain_start(a) for a in alternatives):
                out.append(f"(?:{_trie(alternatives)})")
            else:
                out.append(opener + "|".join(alternatives) + ")")
            i = end + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)
