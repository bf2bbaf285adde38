"""Email addresses and social media handles."""

from __future__ import annotations

import re

from analysis.redact.lexicon import _NEVER, _wordset
from analysis.redact.wordlists import _lists

# --------------------------------------------------------------------------------------------------
# Emails and handles
# --------------------------------------------------------------------------------------------------

_MAIL_DOMAINS = r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|aol|btinternet|sky|ymail|proton|protonmail|me)"


_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]*\w@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<![\w.+-])[\w.+-]*\w@{_MAIL_DOMAINS}\b"
    # Spelt out to dodge filters: "kyle dot b at gmail dot com".
    rf"|\b[\w.+-]+(?:\s+dot\s+\w+)*\s*(?:\(at\)|\[at\]|\s+at\s+){_MAIL_DOMAINS}\s*(?:\.|\s+dot\s+)\s*(?:com|co\s*\.?\s*uk|net|org)\b",
    re.IGNORECASE,
)


#: "@name" that is not part of an email; "@ the park" (a space) or "@home" is the word "at".
_AT_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?)")


_AT_WORDS = _wordset("home school skl work night nite uni college the park mine yours least most all church mosque gym")


_PLATFORM = (
    r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|discord|fb|facebook|telegram|kik|threads|twitch"
    r"|youtube|yt|psn|gamertag|xbox|bereal|wechat|line|signal|whatsapp|roblox|fortnite|steam)"
)


#: "my snap is kyle_x", "add me on insta: kyle.x", "sc - kylex", "tiktok @kyle".
_HANDLE_AFTER = re.compile(
    rf"\b(?P<p>{_PLATFORM}(?:\s+(?:name|username|user|handle|id|acc|account|tag))?)\b"
    r"(?:\s*(?P<sep>is|was|=|:|-|–|'s|’s)\s*|\s+)@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})",
    re.IGNORECASE,
)


_OWNED_PLATFORM = re.compile(
    rf"\b(?:my|his|her|their|ur|your|add\s+(?:me|him|her|them)\s+on|on\s+(?:his|her|their|my))\s+{_PLATFORM}$",
    re.IGNORECASE,
)


#: Something that can only be a username (digits, dots or underscores in a word) shortly after a platform:
#: "snap me: jaybaby2009", "find him on snap as dev.x_x".
_HANDLE_NEAR = re.compile(
    rf"\b{_PLATFORM}\b[^\n]{{0,30}}?(?<![\w.@])@?(?P<h>[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9_.]*[A-Za-z0-9_]|\d{{2,}}[A-Za-z0-9_]*))",
    re.IGNORECASE,
)


_PLATFORM_MENTION = re.compile(rf"\b{_PLATFORM}\b", re.IGNORECASE)


#: "add kyle_x on snap", "follow kyle.x on insta" (searched just before a platform mention).
_HANDLE_BEFORE = re.compile(
    r"\b(?:add|follow|dm|message|msg|find|search)\s+(?:me\s+)?@?(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})\s+(?:on|in)\s+$",
    re.IGNORECASE,
)


def _handles(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    common = _lists().common
    places = _lists().places
    spans = []
    if "@" in text:
        for match in _AT_HANDLE.finditer(text):
            if match.group(1).lower() not in _AT_WORDS:
                spans.append(match.span())
    matches = []
    for platform in _PLATFORM_MENTION.finditer(text):
        # Anchored at each platform mention: searching the whole answer with these patterns is slow.
        near = _HANDLE_NEAR.match(text, platform.start())
        if near:
            start = near.start("h")
            spans.append((start - 1 if start and text[start - 1] == "@" else start, near.end("h")))
        matches.append((_HANDLE_AFTER, _HANDLE_AFTER.match(text, platform.start())))
        matches.append((_HANDLE_BEFORE, _HANDLE_BEFORE.search(text, max(0, platform.start() - 50), platform.start())))
    for pattern, match in matches:
        if match:
            handle = match.group("h").rstrip(".")
            low = handle.lower()
            marked = any(char.isdigit() or char in "_." for char in handle)
            # "on tiktok theyd post it": a bare word after the platform is a handle only when the writer
            # says it is theirs or spells it out ("my snap kylex", "snap: kylex", "add me on snap kylex").
            said = (
                pattern is _HANDLE_BEFORE
                or match.group("sep")
                or _OWNED_PLATFORM.search(text, max(0, match.start() - 20), match.end("p"))
            )
            if marked or (said and len(handle) >= 3 and low not in common and low not in _NEVER and low not in places):
                start = match.start("h")
                if start and text[start - 1] == "@":
                    start -= 1
                spans.append((start, match.start("h") + len(handle)))
    return [span for span in spans if not any(s < span[1] and span[0] < e for s, e in taken)]
