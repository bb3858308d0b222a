"""Who may reach which endpoint: one line per rule of the URL map.

Access words:
  public    anyone, logged in or not
  all       every logged-in role (staff, manager, admin); anonymous users go to the login page
  managers  managers and admins; staff get 403
  admins    admins only; staff and managers get 403
A dict {role: status} states exact statuses where the words do not fit.

"Allowed" means 200, or a redirect that is not to the login page; for POST (sent without the
form's fields) also 400 and 409 (the edit forms' version check). Forbidden means 403;
anonymous means a redirect to the login page.
A new route without a line here fails tests/security/test_route_matrix.py, naming it.
"""

# The JSON API takes a bearer token only: the session cookie of any role is refused (401), so
# no other site can make a browser call it. What each role's token may do: tests/api/.
TOKEN_ONLY: dict[str, int | str] = {"anonymous": 401, "staff": 401, "manager": 401, "admin": 401}

ROUTES: dict[str, str | dict[str, int | str]] = {
    # auth and profile
    "auth.login": "public",
    "auth.verify": "public",
    "auth.logout": "all",
    "auth.change_password": "all",
    "auth.two_step": "all",
    "calendar.profile": "all",
    "calendar.regenerate_token": "all",
    "calendar.revoke_token": "all",
    "calendar.feed": "public",
    "static": "public",
    "bootstrap.static": "public",
    # overview
    "main.dashboard": "all",
    "main.search": "all",
    # delegations, meetings, members
    "delegations.list": "all",
    "delegations.detail": "all",
    "delegations.create": "all",
    "delegations.edit": "all",
    "delegations.delete": "managers",
    "delegations.create_meeting": "all",
    "delegations.edit_meeting": "all",
    "delegations.delete_meeting": "managers",
    "delegations.add_member": "all",
    "delegations.remove_member": "all",
    "delegations.add_organisation": "all",
    "delegations.remove_organisation": "all",
    # organisations and people
    "organisations.list": "all",
    "organisations.detail": "all",
    "organisations.create": "all",
    "organisations.edit": "all",
    "organisations.delete": "managers",
    "organisations.merge": "managers",
    "organisations.merge_confirm": "managers",
    "people.list": "all",
    "people.detail": "all",
    "people.create": "all",
    "people.edit": "all",
    "people.delete": "managers",
    # cooperation needs
    "needs.list": "all",
    "needs.board": "all",
    "needs.detail": "all",
    "needs.create": "all",
    "needs.edit": "all",
    "needs.move": "all",
    "needs.reopen": "all",
    "needs.add_note": "all",
    "needs.delete": "managers",
    # Record rules: the world's note and follow-up are the staff user's own (see
    # tests/security/test_record_rules.py for someone else's).
    "needs.delete_note": "all",
    # follow-ups
    "followups.list": "all",
    "followups.mine": "all",
    "followups.team": "all",
    "followups.detail": "all",
    "followups.create": "all",
    "followups.edit": "all",
    "followups.complete": "all",
    "followups.cancel": "all",
    "followups.delete": "all",
    # matchmaking
    "matchmaking.board": "all",
    "matchmaking.accept": "all",
    "matchmaking.pick": "all",
    "matchmaking.change_status": "all",
    "matchmaking.create_offer": "all",
    "matchmaking.edit_offer": "all",
    "matchmaking.delete_offer": "managers",
    "matchmaking.synonyms": "managers",
    "matchmaking.create_synonym": "managers",
    "matchmaking.edit_synonym": "managers",
    "matchmaking.delete_synonym": "managers",
    # talks
    "talks.create": "all",
    "talks.detail": "all",
    "talks.edit": "all",
    "talks.outcome": "all",
    "talks.invite": "all",
    "talks.delete": "managers",
    # the letterhead's logo: behind login; none is configured in the tests, hence 404
    "letterhead.logo": {"anonymous": "login", "staff": 404, "manager": 404, "admin": 404},
    # member-list imports
    "imports.upload": "all",
    # drafts belong to the staff user who uploaded them; others get 404
    "imports.mapping": {"anonymous": "login", "staff": "allowed", "manager": 404, "admin": 404},
    "imports.preview": {"anonymous": "login", "staff": "allowed", "manager": 404, "admin": 404},
    "imports.cancel": {"anonymous": "login", "staff": "allowed", "manager": 404, "admin": 404},
    "imports.detail": "all",
    "imports.export": "all",
    # reports
    "reports.pipeline": "all",
    "reports.rates": "managers",
    # vocabularies
    "vocabularies.index": "managers",
    "vocabularies.create": "managers",
    "vocabularies.edit": "managers",
    "vocabularies.delete": "managers",
    # administration and audit
    "admin.users": "admins",
    "admin.create_user": "admins",
    "admin.edit_user": "admins",
    "admin.deactivate_user": "admins",
    "admin.activate_user": "admins",
    "admin.end_sessions": "admins",
    "admin.reset_password": "admins",
    "audit.history": "all",
    "audit.log": "admins",
    # exports, reports and lists added later
    "main.health": "public",
    "main.favicon": "public",
    "delegations.export": "all",
    "delegations.report": "all",
    "delegations.report_needs_csv": "all",
    "delegations.report_xlsx": "all",
    "followups.export": "all",
    "needs.export": "all",
    "organisations.export": "all",
    "people.export": "all",
    "matchmaking.export_matches": "all",
    "reports.export": "all",
    "talks.export": "all",
    "talks.list": "all",
    "matchmaking.matches": "all",
    "deleted.index": "managers",
    "deleted.restore": "managers",
    "languages.switch": "public",
    # pickers: JSON lookups and Tom Select's files
    "lookup.find": "all",
    "tom_select.static": "public",
    # the JSON API's pipeline: needs, follow-ups, matchmaking, offers, talks, the report
    **dict.fromkeys(
        [
            "api_needs.list",
            "api_needs.get",
            "api_needs.create",
            "api_needs.update",
            "api_needs.move",
            "api_followups.list",
            "api_followups.get",
            "api_followups.create",
            "api_followups.update",
            "api_followup_actions.assign",
            "api_followup_actions.complete",
            "api_matchmaking.suggestions",
            "api_matchmaking.accept",
            "api_matchmaking.matches",
            "api_matchmaking.pick",
            "api_matchmaking.get",
            "api_match_actions.status",
            "api_offers.list",
            "api_offers.get",
            "api_offers.create",
            "api_offers.update",
            "api_talks.list",
            "api_talks.get",
            "api_talks.create",
            "api_talks.update",
            "api_reports.pipeline",
        ],
        TOKEN_ONLY,
    ),
}

# URL variables that differ from the world's defaults (see tests/security/world.py): the name of
# another world value, or "=" and a literal; "?" adds a query string the same way.
URL_VALUES: dict[str, dict[str, str]] = {
    "talks.create": {"?need_id": "need_id"},
    "followups.create": {"?need_id": "need_id"},
    "deleted.restore": {"kind": "=organisation", "record_id": "deleted_organisation_id"},
    "imports.detail": {"record_id": "done_record_id"},
    "matchmaking.create_offer": {"organisation_id": "partner_id"},
    "bootstrap.static": {"filename": "=css/bootstrap.min.css"},
    "reports.export": {"table": "=funnel"},
    "tom_select.static": {"filename": "=js/tom-select.complete.min.js"},
}
