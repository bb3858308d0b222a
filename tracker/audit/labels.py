"""What the audit pages call the audited records and their fields, in the reader's language.

One table of lazy labels rather than labels read off the forms: the forms do not cover the
history's fields (who created or deleted a record, when a follow-up was done, a user's password
dates), name some fields otherwise (a talk's day and start, not starts_at) and word some labels
as questions or hints for input ("Move to", "Raised in meeting"). The msgids are the forms' own
where one fits, so both read the same; tests/audit checks that every audited column and
collection of the models has a label here, so a new column cannot go unnamed.
"""

from tracker.i18n import lazy_label as _l

YES, NO = _l("Yes"), _l("No")

# The audited tables (tracker.audit.recorder.AUDITED), as the pages name them.
ENTITY_LABELS = {
    "annual_target": _l("Annual target"),
    "agreement": _l("Agreement"),
    "obligation": _l("Obligation"),
    "delegation": _l("Delegation"),
    "followup": _l("Follow-up"),
    "local_offer": _l("Offer"),
    "match": _l("Match"),
    "meeting": _l("Meeting"),
    "need": _l("Need"),
    "organisation": _l("Organisation"),
    "person": _l("Person"),
    "project": _l("Project"),
    "project_milestone": _l("Project milestone"),
    "instalment": _l("Capital in place"),
    "talk": _l("Talk"),
    "user": _l("User"),
    "webhook": _l("Webhook"),
}

# A field of the same name means the same thing in every audited table ...
FIELD_LABELS = {
    "active": _l("Active"),
    "agenda": _l("Agenda"),
    "created_by_id": _l("Created by"),
    "delegation_id": _l("Delegation"),
    "deleted_at": _l("Deleted on"),
    "deleted_by_id": _l("Deleted by"),
    "description": _l("Description"),
    "email": _l("E-mail"),
    "full_name": _l("Full name"),
    "key_industry_id": _l("Key industry"),
    "kind": _l("Kind"),
    "match_id": _l("Match"),
    "meeting_id": _l("Meeting"),
    "minutes": _l("Minutes"),
    "name": _l("Name"),
    "need_id": _l("Need"),
    "offer_id": _l("Offer"),
    "organisation_id": _l("Organisation"),
    "outcome": _l("Outcome"),
    "people": _l("Participants"),
    "place": _l("Place"),
    "staff": _l("Our staff"),
    "starts_at": _l("Starts"),
    "ends_at": _l("Ends"),
    "status": _l("Status"),
    "title": _l("Title"),
    "topics": _l("Topics"),
    # Written by an organisation merge and by a purge (not columns).
    "merged_into": _l("Merged into"),
    "purged": _l("Removed for good"),
}

# ... except where a table's own word is more precise.
ENTITY_FIELD_LABELS = {
    "annual_target": {
        "year": _l("Year"),
        "metric": _l("Figure"),
        "officer_id": _l("Officer"),
        "value": _l("Target"),
        "set_by_id": _l("Set by"),
    },
    "agreement": {
        "project_id": _l("Project"),
        "parties": _l("Parties"),
        "reference": _l("Reference"),
        "signed_on": _l("Signed on"),
        "starts_on": _l("Starts on"),
        "ends_on": _l("Ends on"),
        "notes": _l("Notes"),
        "document_name": _l("Document"),
        "document_type": _l("Document type"),
        "document_size": _l("Document size (bytes)"),
        "document_sha256": _l("Document fingerprint (SHA-256)"),
    },
    "obligation": {
        "agreement_id": _l("Agreement"),
        "project_id": _l("Project"),
        "party": _l("Owed by"),
        "amount": _l("Amount"),
        "currency": _l("Currency"),
        "headcount": _l("Jobs"),
        "milestone": _l("Milestone"),
        "due_on": _l("Due on"),
        "met_on": _l("Met on"),
        "owner_id": _l("Owner"),
        "remind_days": _l("Remind days before"),
        "reminder_id": _l("Reminder follow-up"),
    },
    "delegation": {
        "origin_country": _l("Origin country"),
        "origin_region_id": _l("Origin region"),
        "start_date": _l("Start date"),
        "end_date": _l("End date"),
        "host": _l("Host"),
        "host_officer_id": _l("Host officer"),
        "announced_size": _l("Announced size"),
        "summary": _l("Summary"),
        "source_url": _l("Source link"),
        "extra_organisations": _l("Organisations"),
    },
    "followup": {
        "assignee_id": _l("Assigned to"),
        "assigned_by_id": _l("Assigned by"),
        "due_date": _l("Due date"),
        "completed_at": _l("Completed on"),
        "completed_by_id": _l("Completed by"),
        "seen_by_assignee": _l("Seen by the assignee"),
    },
    "local_offer": {
        "area_m2": _l("Area available, m²"),
        "headcount": _l("Headcount capacity"),
        "keywords": _l("Keywords"),
        "contact_person_id": _l("Contact person"),
        "industries": _l("Key industries"),
    },
    "match": {
        "organisation_id": _l("Local partner"),
        "score": _l("Score"),
        "reasons": _l("Reasons"),
        "decline_reason": _l("Decline reason"),
    },
    "need": {
        "meeting_id": _l("Raised in meeting"),
        "category_id": _l("Category"),
        "priority": _l("Priority"),
        "estimated_investment": _l("Estimated investment"),
        "currency": _l("Currency"),
        "expected_jobs": _l("Expected jobs"),
        "area_m2_asked": _l("Space asked, m²"),
        "headcount_asked": _l("Headcount asked"),
        "owner_id": _l("Owner"),
        "next_step": _l("Next step"),
        "next_step_date": _l("Next step date"),
        "stage": _l("Stage"),
        "lost_reason_id": _l("Lost reason"),
        "lost_reason_text": _l("Explanation"),
        "won_on": _l("Won on"),
        "won_outcome": _l("Won outcome"),
        "confidential": _l("Confidential"),
        "next_followup_due": _l("Next follow-up due"),
    },
    "organisation": {
        "name_de": _l("German name"),
        "name_en": _l("English name"),
        "name_zh": _l("Chinese name"),
        "country": _l("Country"),
        "city": _l("City"),
        "website": _l("Website"),
        "is_local": _l("Local partner"),
    },
    "person": {
        "name_other_script": _l("Name in other script"),
        "position": _l("Position"),
        "phone": _l("Phone"),
        "languages": _l("Languages"),
        "notes": _l("Notes"),
    },
    "project": {
        "name": _l("Project name"),
        "organisation_id": _l("Company"),
        "owner_id": _l("Officer"),
        "contracted_amount": _l("Contracted investment"),
        "contracted_currency": _l("Currency of the contracted investment"),
        "contracted_cny": _l("Contracted (CNY)"),
        "registered_capital": _l("Registered capital"),
        "registered_currency": _l("Currency of the registered capital"),
        "jobs_promised": _l("Jobs promised"),
        "credit_code": _l("Unified social credit code"),
        "foreign": _l("Foreign-invested"),
        "confidential": _l("Confidential"),
        "needs": _l("Needs"),
    },
    "project_milestone": {
        "project_id": _l("Project"),
        "milestone": _l("Milestone"),
        "planned_on": _l("Planned"),
        "actual_on": _l("Done on"),
        "note": _l("Note"),
    },
    "instalment": {
        "project_id": _l("Project"),
        "received_on": _l("Received on"),
        "amount": _l("Amount"),
        "currency": _l("Currency"),
        "rate_to_cny": _l("Rate to CNY"),
        "amount_cny": _l("In CNY"),
        "note": _l("Note"),
    },
    "talk": {
        "timezone": _l("Time zone"),
        "video_link": _l("Video link"),
        "organisations": _l("Local partners"),
    },
    "user": {
        "display_name": _l("Name"),
        "password_hash": _l("Password"),
        "role": _l("Role"),
        "language": _l("Preferred language"),
        "languages": _l("Languages"),
        "calendar_token": _l("Calendar feed"),
        "must_change_password": _l("Must change password"),
        "password_expires_at": _l("Password expires on"),
        "password_changed_at": _l("Password changed on"),
        "totp_secret": _l("Two-step login"),
        "totp_pending_secret": _l("Two-step login being set up"),
    },
    "webhook": {"url": _l("Address"), "secret": _l("Secret"), "events": _l("Events")},
}


def field_label_message(entity: str, field: str):
    """The lazy label of entity's field, or None for a field this table does not know."""
    return ENTITY_FIELD_LABELS.get(entity, {}).get(field) or FIELD_LABELS.get(field)
