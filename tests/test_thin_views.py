"""Views are thin: at most 15 lines of body, or a comment in the view saying why it is longer."""

import ast
import inspect
import textwrap

from tracker import create_app

MAX_BODY_LINES = 15
EXCUSE = "long view:"


def _views():
    """(endpoint, function) for every view of the app's own blueprints."""
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    seen = {}
    for endpoint, view in app.view_functions.items():
        view = inspect.unwrap(view)
        if view.__module__.startswith("tracker.") and view not in seen.values():
            seen[endpoint] = view
    return seen


def body_lines(function) -> tuple[int, bool]:
    """Lines of a function's body without its docstring, and whether it names its excuse."""
    source = textwrap.dedent(inspect.getsource(function))
    node = ast.parse(source).body[0]
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if not body:
        return 0, False
    first, last = body[0].lineno, body[-1].end_lineno
    lines = source.splitlines()[first - 1 : last]
    return len(lines), any(EXCUSE in line for line in lines)


VIEWS = _views()


def test_there_are_views_to_measure():
    assert len(VIEWS) > 100


def test_every_view_is_thin_or_says_why():
    long_views = []
    for endpoint, view in sorted(VIEWS.items()):
        lines, excused = body_lines(view)
        if lines > MAX_BODY_LINES and not excused:
            long_views.append(f"{endpoint} ({view.__module__}.{view.__name__}): {lines} lines")
    assert not long_views, "views over 15 lines without a 'long view:' comment:\n" + "\n".join(
        long_views
    )


def test_the_measure_counts_a_long_body():
    def long(x):
        """A docstring is not counted."""
        x += 1
        x += 1
        return x

    assert body_lines(long) == (3, False)
