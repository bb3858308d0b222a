"""Requests whose text input holds no NUL characters: PostgreSQL cannot store them in text (the
insert or even a lookup fails), and no person types one."""

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.utils import cached_property


def _without_nul(values: ImmutableMultiDict) -> ImmutableMultiDict:
    if not any("\x00" in k or "\x00" in v for k, v in values.items(multi=True)):
        return values
    return ImmutableMultiDict(
        (k.replace("\x00", ""), v.replace("\x00", "")) for k, v in values.items(multi=True)
    )


class CleanRequest(Request):
    """A request whose form fields and query arguments lose their NUL characters."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = _without_nul(self.__dict__["form"])

    @cached_property
    def args(self) -> ImmutableMultiDict:
        """The query arguments, NUL characters removed."""
        return _without_nul(Request.args.__get__(self, type(self)))
