"""The shared model helpers: enums that carry their labels, and many-to-many link tables."""

from tracker.models import MemberRole, Stage, talk_person
from tracker.models.meeting import meeting_staff
from tracker.models.need import STAGE_LABELS


def test_a_labelled_member_is_its_value_and_carries_its_label(app):
    with app.test_request_context():
        assert Stage("won") is Stage.WON
        assert Stage.WON == "won" and str(Stage.WON) == "won"
        assert Stage.WON.label == "Won"
        assert MemberRole.HEAD.label == "Head of delegation"


def test_labels_follow_the_members_order():
    assert list(Stage.labels()) == list(Stage)
    assert Stage.labels() == STAGE_LABELS


def test_a_link_table_goes_with_its_owner_and_indexes_the_other_side():
    owner, other = meeting_staff.c.meeting_id, meeting_staff.c.user_id
    assert owner.primary_key and other.primary_key
    assert next(iter(owner.foreign_keys)).ondelete == "CASCADE"
    assert next(iter(other.foreign_keys)).ondelete is None
    assert next(iter(other.foreign_keys)).column.table.name == "user"
    assert [list(i.columns) for i in meeting_staff.indexes] == [[other]]
    # The other side cascades where the model says so.
    assert next(iter(talk_person.c.person_id.foreign_keys)).ondelete == "CASCADE"
