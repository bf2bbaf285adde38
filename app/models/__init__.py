"""The database models; importing this package registers every table on ``Base.metadata``."""

from app.models.base import Base
from app.models.responses import Answer, Response
from app.models.surveys import Survey, SurveyVersion

__all__ = ["Answer", "Base", "Response", "Survey", "SurveyVersion"]
