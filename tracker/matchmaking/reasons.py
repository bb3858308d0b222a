"""Why a partner is suggested, in plain words: a suggestion's reasons are written in the
interface language, and an accepted match keeps them (Match.reasons), so each is a stored
message that shows in the language of whoever reads it later (tracker.stored_text)."""

from typing import TYPE_CHECKING

from babel.dates import format_skeleton
from flask_babel import format_number

from tracker.i18n import current_locale
from tracker.models.matchmaking import OFFER_KIND_LABELS
from tracker.stored_text import N_, StoredMessage, label, month_day, number, quote, quoted, term

if TYPE_CHECKING:
    from tracker.matchmaking.facts import NeedFacts
    from tracker.matchmaking.ranking import Suggestion

OFFER_WORDS = StoredMessage(N_("the offer mentions %(words)s"), words=quoted)
PROFILE_WORDS = StoredMessage(N_("the partner's profile mentions %(words)s"), words=quoted)
CONCEPT = StoredMessage(N_("“%(asked)s” in the need means “%(found)s”"))
INDUSTRY = StoredMessage(N_("same key industry: %(industry)s"), industry=term)
FITS = StoredMessage(
    N_("%(kind)s suits a need for %(category)s"),
    kind=label(OFFER_KIND_LABELS.values()), category=term,
)  # fmt: skip
AREA = StoredMessage(N_("offers %(area)s m² for the %(asked)s m² asked"), area=number, asked=number)
AREA_SMALL = StoredMessage(
    N_("too small: %(area)s m² for the %(asked)s m² asked"), area=number, asked=number
)
HEADCOUNT = StoredMessage(
    N_("capacity for %(count)s people, %(asked)s asked"), count=number, asked=number
)
HEADCOUNT_SMALL = StoredMessage(
    N_("too small: capacity for %(count)s people, %(asked)s asked"), count=number, asked=number
)
MET = StoredMessage(N_("met the delegation on %(date)s"), date=month_day)
LEARNED = StoredMessage(N_("accepted for a similar need: %(title)s"))
DECLINED = StoredMessage(N_("declined for this need before"))


def reason_text(need: "NeedFacts", suggestion: "Suggestion", code: tuple) -> str:
    """One reason in plain words, in the interface language."""
    kind = code[1]
    offer = suggestion.offer
    if kind == "offer_words":
        return OFFER_WORDS(words=quote(code[2]))
    if kind == "profile_words":
        return PROFILE_WORDS(words=quote(code[2]))
    if kind == "concept":
        return CONCEPT(asked=code[2], found=code[3])
    if kind == "industry":
        return INDUSTRY(industry=need.industry_label)
    if kind == "fits":
        return FITS(kind=offer.kind.label, category=need.category_label)
    if kind in ("area", "area_small"):
        values = {"area": format_number(offer.area_m2), "asked": format_number(need.area_asked)}
        return (AREA if kind == "area" else AREA_SMALL)(**values)
    if kind in ("headcount", "headcount_small"):
        values = {
            "count": format_number(offer.headcount),
            "asked": format_number(need.headcount_asked),
        }
        return (HEADCOUNT if kind == "headcount" else HEADCOUNT_SMALL)(**values)
    if kind == "met":
        return MET(date=format_skeleton("MMMMd", code[2], locale=current_locale() or "en"))
    if kind == "learned":
        return LEARNED(title=code[2])
    if kind == "declined":
        return DECLINED()
    return kind
