"""The matchmaking day's printouts: itineraries (one person, all visitors, all partners) in each
person's language, the table cards, and a person's talks as an .ics download. Registered on the
scheduling_after blueprint (tracker.scheduling.after_views), which holds the URL map."""

from contextlib import nullcontext

from flask import Response, abort, render_template, request
from flask_babel import force_locale
from markupsafe import Markup

from tracker.models import MatchmakingSession
from tracker.scheduling import printing
from tracker.security import require


def session_or_404(session_id: int) -> MatchmakingSession:
    """The session with what its printouts read, or 404 (absent or deleted)."""
    session = printing.load_for_print(session_id)
    if session is None:
        abort(404)
    return session


def person_or_404(session: MatchmakingSession, person_id: int):
    """(person, side) of someone in the session's requests, or 404."""
    found = printing.side_of(session, person_id)
    if found is None:
        abort(404)
    return found


def _in_language(language: str | None):
    """Draw in language when it is one of the printouts' (?lang=), else in the reader's."""
    return force_locale(language) if language in printing.PRINT_LANGUAGES else nullcontext()


def _sheets(session: MatchmakingSession, found: list[printing.Itinerary]) -> Markup:
    """Each itinerary drawn in its own language, one printed page each."""
    drawn = []
    for sheet in found:
        with force_locale(sheet.language):
            drawn.append(
                render_template("scheduling/print/_itinerary.html", session=session, sheet=sheet)
            )
    return Markup("".join(drawn))  # noqa: S704  # nosec B704 (the app's own autoescaped output)


@require("schedule.view")
def itinerary(session_id: int, person_id: int):
    """One person's itinerary, in their language (?lang=de|en|zh chooses another)."""
    session = session_or_404(session_id)
    person, side = person_or_404(session, person_id)
    sheet = printing.itinerary(session, person, side, request.args.get("lang"))
    return render_template(
        "scheduling/print/itineraries.html",
        session=session,
        side=side,
        sheets=_sheets(session, [sheet]),
        person=person,
    )


@require("schedule.view")
def itineraries(session_id: int, side: str):
    """Every visitor's (or local partner's) itinerary on one printable page."""
    session = session_or_404(session_id)
    found = printing.itineraries(session, side, request.args.get("lang"))
    return render_template(
        "scheduling/print/itineraries.html",
        session=session,
        side=side,
        sheets=_sheets(session, found),
        person=None,
        people=[sheet.person for sheet in found],
    )


@require("schedule.view")
def table_cards(session_id: int):
    """A card per table per day: the table's name, its host and its talks in order."""
    session = session_or_404(session_id)
    with _in_language(request.args.get("lang")):
        return render_template(
            "scheduling/print/table_cards.html",
            session=session,
            cards=printing.table_cards(session),
        )


@require("schedule.view")
def person_ics(session_id: int, person_id: int):
    """A person's talks of the session as a calendar file, for someone without an account."""
    session = session_or_404(session_id)
    person, side = person_or_404(session, person_id)
    body = printing.person_calendar(session, person, side).to_ical()
    response = Response(body, content_type="text/calendar; charset=utf-8")
    name = f"matchmaking-{session.id}-person-{person.id}.ics"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
