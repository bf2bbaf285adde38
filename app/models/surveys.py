"""Surveys and their immutable versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, HourTimestamp, current_hour

SURVEY_STATUSES = ("open", "closed")


class Survey(Base):
    """A survey people can answer at ``/<lang>/s/<slug>``."""

    __tablename__ = "surveys"
    __table_args__ = (CheckConstraint("status IN ('open', 'closed')", name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The address of the survey; fixed for its whole life.
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    #: ``open`` takes answers; ``closed`` shows a friendly "this survey has closed" page.
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_hour: Mapped[datetime] = mapped_column(HourTimestamp(), default=current_hour)

    versions: Mapped[list[SurveyVersion]] = relationship(
        back_populates="survey", order_by="SurveyVersion.number", lazy="raise"
    )


class SurveyVersion(Base):
    """One loaded state of a survey file; never changed once stored."""

    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="RESTRICT"), index=True)
    #: 1, 2, 3... in load order.
    number: Mapped[int]
    #: SHA-256 of the canonical JSON of ``definition``: an unchanged file makes no new version.
    checksum: Mapped[str] = mapped_column(String(64))
    #: The validated survey file (see docs/survey-format.md), as JSON. Deferred: requests use the
    #: parsed copy cached by :func:`app.services.surveys.definition_of` and never decode it again.
    definition: Mapped[dict[str, Any]] = mapped_column(deferred=True)
    #: The file it was loaded from, for people reading the database.
    source: Mapped[str] = mapped_column(String(255))
    created_hour: Mapped[datetime] = mapped_column(HourTimestamp(), default=current_hour)

    survey: Mapped[Survey] = relationship(back_populates="versions", lazy="joined")
