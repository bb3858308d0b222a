"""WTForms' own messages, as the bad-input tables of the form tests expect them."""

REQUIRED = "This field is required."
NOT_A_CHOICE = "Not a valid choice."
CANNOT_COERCE = "Invalid Choice: could not coerce."
NOT_A_DATE = "Not a valid date value."


def too_long(limit: int) -> str:
    """The message of a text field longer than limit characters."""
    return f"Field cannot be longer than {limit} characters."


def required_text(field: str, limit: int) -> list[tuple[str, str, str]]:
    """The bad-input cases of a required text field: left empty, one character over limit."""
    return [(field, "", REQUIRED), (field, "x" * (limit + 1), too_long(limit))]
