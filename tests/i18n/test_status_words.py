"""Words for a state read as a state, not as a column heading."""

from flask_babel import force_locale

from tracker.models.delegation import STATUS_LABELS, DelegationStatus


def test_a_completed_delegation_reads_as_completed(app):
    expected = {"zh": "已完成", "de": "Abgeschlossen", "en": "Completed"}
    with app.test_request_context():
        for language, word in expected.items():
            with force_locale(language):
                assert str(STATUS_LABELS[DelegationStatus.COMPLETED]) == word
