"""Search-as-you-type pickers for organisations, people and delegations (issue 10).

A commission holds tens of thousands of organisations and people and thousands of visits, so no
page lists them all: services answers the pickers' searches, fields holds the form fields, views
the JSON endpoint and Tom Select's files, static/js/lookup.js the browser side.
"""

from tracker.choices import FALLBACK  # noqa: F401  (the pickers' own number, kept by the core)

LIMIT = 20  # matches per keystroke
