"""Views of the respondent journey: intro, pages, send, thanks. Each parses, calls a service, renders."""

from __future__ import annotations

import re
import secrets

from flask import abort, current_app, g, redirect, render_template, request, url_for
from flask import session as cookie
from werkzeug.wrappers import Response as HttpResponse

from app.db import get_session
from app.i18n import negotiate
from app.respond import bp, journey
from app.respond.forms import (
    PageForm,
    apply_details,
    as_select,
    error_anchors,
    form_data_from_rows,
    page_form_class,
    rows_from_form,
)
from app.services import responses
from app.services.responses import OpenSurvey, SubmitOutcome, SurveyUnavailable
from app.survey_format import Page

_SUBMISSION_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")

bp.add_app_template_global(as_select, "as_select")


def _open(slug: str, lang: str | None = None) -> OpenSurvey:
    """Open the survey, or show the friendly "not found" / "closed" page."""
    try:
        opened = responses.open_survey(get_session(), slug)
    except SurveyUnavailable as error:
        g.unavailable = error.reason
        abort(404 if error.reason is responses.Unavailable.MISSING else 410)
    if lang is not None and lang not in opened.definition.languages:
        abort(redirect(url_for(".choose_language", slug=slug, lang=lang)))
    g.lang = lang or g.get("lang")
    g.survey = opened.definition
    return opened


@bp.get("/s/<slug>")
def choose_language(slug: str) -> HttpResponse:
    """Send the person to the survey in ``?lang=``, their browser's language, or English."""
    opened = _open(slug)
    lang = negotiate(request.args.get("lang"), list(opened.definition.languages))
    return redirect(url_for(".intro", lang=lang, slug=slug))


@bp.get("/<lang>/s/<slug>")
def intro(lang: str, slug: str) -> str:
    """Show the survey's first page: what it is and what happens to the answers."""
    opened = _open(slug, lang)
    position = journey.locate(get_session(), opened)
    first = position.pages[0]
    return render_template("respond/intro.html", position=position, first=first, resuming=bool(position.rows))


@bp.route("/<lang>/s/<slug>/p/<page_key>", methods=["GET", "POST"])
def page(lang: str, slug: str, page_key: str) -> str | HttpResponse | tuple[str, int]:
    """Show a page of questions, or save its answers and move on (or back)."""
    opened = _open(slug, lang)
    db = get_session(write=request.method == "POST")
    position = journey.locate(db, opened, lock=request.method == "POST")
    page = position.page(page_key)
    if page is None:
        abort(404)
    if not position.is_shown(page):
        return _go(lang, slug, position.after(page) or None)
    questions = position.questions(page)
    form_class = page_form_class(position.definition, questions, lang)
    if request.method == "GET":
        form = form_class(formdata=None, data=form_data_from_rows(position.definition, questions, position.rows))
        return _render_page(position, page, form)
    form = form_class()
    apply_details(form, position.definition, questions)
    going_back = request.form.get("action") == "back"
    switch_to = request.form.get("switch_to")
    if switch_to is not None and switch_to not in position.definition.languages:
        abort(400)
    if going_back or switch_to:
        # Leaving the page (back, or to another language) saves what is there without insisting.
        for field in form:
            field.required = False
    if not form.validate():
        return _render_page(position, page, form), 200
    response = position.response or responses.start_response(db, opened.version, lang)
    responses.save_page(db, response, page, rows_from_form(form, position.definition, questions), lang)
    db.commit()
    journey.remember_draft(slug, response.id)
    if switch_to:
        return redirect(url_for(".page", lang=switch_to, slug=slug, page_key=page.key), code=303)
    moved = journey.locate(db, opened)
    return _go(lang, slug, moved.before(page) if going_back else moved.after(page), back=going_back)


def _go(lang: str, slug: str, page: Page | None, back: bool = False) -> HttpResponse:
    """Redirect (303) to a page; past the last page is "send", before the first is the intro."""
    if page is not None:
        target = url_for(".page", lang=lang, slug=slug, page_key=page.key)
    else:
        target = url_for(".intro" if back else ".send", lang=lang, slug=slug)
    return redirect(target, code=303)


def _render_page(position: journey.Position, page: Page, form: PageForm) -> str:
    g.young = position.young
    number, total = position.progress(page)
    questions = position.questions(page)
    return render_template(
        "respond/page.html",
        position=position,
        page=page,
        questions=questions,
        form=form,
        errors=[(name, field.errors[0]) for name, field in form._fields.items() if field.errors],
        anchors=error_anchors(position.definition, questions),
        number=number,
        total=total,
        back_page=position.before(page),
    )


def rerender_after_csrf_error() -> tuple[str, int] | None:
    """Show the page again with what was typed and a fresh token, when a token has expired.

    Nothing is saved: the person presses the button again. Returns None outside the journey.
    """
    view_args = request.view_args or {}
    if request.endpoint not in ("respond.page", "respond.send"):
        return None
    try:
        opened = responses.open_survey(get_session(), view_args["slug"])
    except SurveyUnavailable:
        return None
    if view_args["lang"] not in opened.definition.languages:
        return None
    g.lang, g.survey, g.session_expired = view_args["lang"], opened.definition, True
    position = journey.locate(get_session(), opened)
    if request.endpoint == "respond.send":
        return _render_send(position), 400
    page = position.page(view_args["page_key"])
    if page is None:
        return None
    form = page_form_class(position.definition, position.questions(page), view_args["lang"])()
    return _render_page(position, page, form), 400


@bp.route("/<lang>/s/<slug>/send", methods=["GET", "POST"])
def send(lang: str, slug: str) -> str | HttpResponse:
    """Ask to send the answers; on POST store them once, whatever the retries, and say thanks."""
    opened = _open(slug, lang)
    if request.method == "GET":
        position = journey.locate(get_session(), opened)
        if position.response is None:
            return redirect(url_for(".intro", lang=lang, slug=slug))
        return _render_send(position)
    key = request.form.get("submission_key", "")
    if not _SUBMISSION_KEY.match(key):
        abort(400)
    response_id = journey.draft_id(slug) or cookie.get("sent", {}).get(slug)
    if response_id is None:
        return redirect(url_for(".intro", lang=lang, slug=slug), code=303)
    db = get_session(write=True)
    outcome = responses.submit_response(db, response_id, key)
    db.commit()
    if outcome is SubmitOutcome.NO_DRAFT:
        return redirect(url_for(".intro", lang=lang, slug=slug), code=303)
    journey.forget_draft(slug)
    cookie["sent"] = {slug: response_id}
    return redirect(url_for(".thanks", lang=lang, slug=slug), code=303)


def _render_send(position: journey.Position) -> str:
    g.young = position.young
    return render_template(
        "respond/send.html",
        position=position,
        back_page=position.before(None),
        submission_key=secrets.token_urlsafe(24),
    )


@bp.get("/<lang>/s/<slug>/thanks")
def thanks(lang: str, slug: str) -> str:
    """Thank the person, and say where to get help."""
    _open(slug, lang)
    return render_template("respond/thanks.html")


@bp.get("/exit")
def quick_exit() -> HttpResponse:
    """Leave at once for an everyday site, forgetting this browser's place in any survey."""
    cookie.clear()
    return redirect(current_app.config["QUICK_EXIT_URL"], code=303)
