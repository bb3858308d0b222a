"""Browser libraries served by the app itself from their npm packages, never from a CDN."""

from pathlib import Path

from flask import Blueprint

PACKAGE_DIR = Path(__file__).resolve().parent


def npm_assets(name: str, packaged: str, node_modules: str, url_path: str) -> Blueprint:
    """A blueprint serving a library's files at url_path: the wheel's copy (tracker/vendor/
    packaged, see pyproject's force-include) when present, else the checkout's node_modules
    (`npm ci`, run by make venv)."""
    folder = PACKAGE_DIR / "vendor" / packaged
    if not folder.is_dir():
        folder = PACKAGE_DIR.parent / "node_modules" / node_modules
    return Blueprint(name, __name__, static_folder=str(folder), static_url_path=url_path)
