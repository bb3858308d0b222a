"""The agreements tests keep stored documents in a temporary instance folder."""

import pytest


@pytest.fixture(autouse=True)
def _documents_in_tmp(app, tmp_path):
    """Documents go to tmp_path/documents, never to the checkout's instance folder."""
    app.instance_path = str(tmp_path)
    return tmp_path
