"""The survey file format: schema, loading and validation (see docs/survey-format.md)."""

from app.survey_format.loader import SurveyFileError, load_survey_file, parse_survey_text
from app.survey_format.schema import Condition, Option, Page, Question, SurveyDefinition

__all__ = [
    "Condition",
    "Option",
    "Page",
    "Question",
    "SurveyDefinition",
    "SurveyFileError",
    "load_survey_file",
    "parse_survey_text",
]
