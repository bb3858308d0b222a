"""The people list's export columns; rows are Person entities with their organisation."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column

COLUMNS = (
    Column(_l("Name"), lambda p: p.full_name),
    Column(_l("Name in other script"), lambda p: p.name_other_script),
    Column(_l("Position"), lambda p: p.position),
    Column(_l("Organisation"), lambda p: p.organisation and p.organisation.name),
    Column(_l("E-mail"), lambda p: p.email),
    Column(_l("Phone"), lambda p: p.phone),
    Column(_l("Languages"), lambda p: p.languages),
)
