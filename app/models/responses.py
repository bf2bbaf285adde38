"""Anonymous responses and their answers.

Anonymity is structural: no user, IP address, user agent or exact time is
stored; ids are random; times are kept to the hour.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, HourTimestamp, current_hour

RESPONSE_STATUSES = ("in_progress", "submitted")


def _random_id() -> str:
    return uuid.uuid4().hex


class Response(Base):
    """One person's answers to one survey version, saved page by page."""

    __tablename__ = "responses"
    __table_args__ = (
        CheckConstraint("status IN ('in_progress', 'submitted')", name="status"),
        CheckConstraint(
            "(status = 'submitted' AND submitted_hour IS NOT NULL AND submission_key IS NOT NULL)"
            " OR (status = 'in_progress' AND submitted_hour IS NULL)",
            name="submitted_fields",
        ),
    )

    #: Random, so ids reveal neither order nor count.
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_random_id)
    survey_version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id", ondelete="RESTRICT"), index=True)
    #: The language the person answered in.
    language: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12), default="in_progress")
    started_hour: Mapped[datetime] = mapped_column(HourTimestamp(), default=current_hour)
    submitted_hour: Mapped[datetime | None] = mapped_column(HourTimestamp())
    #: The key of the final submission; unique, so a replayed submission cannot store twice.
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class Answer(Base):
    """One answer: a chosen option (one row per ticked box), a grid row or free text."""

    __tablename__ = "answers"
    __table_args__ = (CheckConstraint("value IS NOT NULL OR text IS NOT NULL", name="has_content"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[str] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    #: The question's key, stable across survey versions.
    question_key: Mapped[str] = mapped_column(String(64))
    #: The grid item's key; empty for other questions.
    item_key: Mapped[str] = mapped_column(String(64), default="")
    #: The chosen option's value.
    value: Mapped[str | None] = mapped_column(String(64))
    #: Free text, or the detail typed beside an option ("Other: ...").
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")
