"""After the matchmaking day: a table's room list (a choice per talk, one submit) and the
answer to a check-in."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.validators import InputRequired

from tracker.i18n import lazy_label as _l
from tracker.models import CheckInAnswer, RequestStatus

MARK_CHOICES = (
    (RequestStatus.HELD.value, _l("Held")),
    (RequestStatus.NO_SHOW.value, _l("No-show")),
    (RequestStatus.SCHEDULED.value, _l("Not marked")),
)
FIELD_PREFIX = "talk_"


class RoomListForm(FlaskForm):
    """One choice per talk of the table (fields added by room_list_form), one submit."""

    submit = SubmitField(_l("Save the room list"))

    def marks(self) -> dict[int, RequestStatus]:
        """The choice per talk request id."""
        return {
            int(name[len(FIELD_PREFIX) :]): RequestStatus(field.data)
            for name, field in self._fields.items()
            if name.startswith(FIELD_PREFIX)
        }

    def field_of(self, request_id: int):
        return self._fields.get(f"{FIELD_PREFIX}{request_id}")


def room_list_form(requests, **kwargs) -> RoomListForm:
    """The room list's form for these talk requests, each preset to its status."""

    class Form(RoomListForm):
        pass

    for request in requests:
        setattr(
            Form,
            f"{FIELD_PREFIX}{request.id}",
            RadioField(request.title, choices=MARK_CHOICES, default=request.status.value),
        )
    return Form(**kwargs)


class CheckInForm(FlaskForm):
    """What came of the talk, months after it."""

    answer = RadioField(
        _l("What came of it?"),
        choices=[(a.value, a.label) for a in CheckInAnswer],
        validators=[InputRequired(message=_l("Choose what came of it."))],
    )
    submit = SubmitField(_l("Record the answer"))
