"""Wheel build hook: compile the translation catalogues (.po) into the .mo files gettext reads.

The .mo files are build output (git-ignored); `make translations` compiles them in a checkout.
"""

from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):
    """Compile tracker/translations/<lang>/LC_MESSAGES/messages.po and ship the .mo files."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        """Refuse a catalogue with format errors, like `pybabel compile` does."""
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po_path in sorted(root.glob("tracker/translations/*/LC_MESSAGES/messages.po")):
            with po_path.open("rb") as fh:
                catalog = read_po(fh, locale=po_path.parents[1].name)
            errors = [f"{msg.id!r}: {err}" for msg, errs in catalog.check() for err in errs]
            if errors:
                raise RuntimeError(f"{po_path}: " + "; ".join(errors))
            mo_path = po_path.with_suffix(".mo")
            with mo_path.open("wb") as fh:
                write_mo(fh, catalog)
            if version == "standard":  # editable installs read the checkout's own .mo files
                build_data["force_include"][str(mo_path)] = str(mo_path.relative_to(root))
