"""Posting the add-member form, shared by the member tests."""


def add_member(client, delegation, **data):
    """Post the add-member form of delegation (role member unless given); returns the response."""
    data.setdefault("role", "member")
    return client.post(f"/delegations/{delegation.id}/members/add", data=data)
