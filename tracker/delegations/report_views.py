"""The delegation report: a printable page, its XLSX workbook and the needs as CSV.

Registered on the delegations blueprint in views.py, where the whole URL map is listed.
"""

from flask import abort, render_template

from tracker.delegations.report import delegation_report, report_filename
from tracker.delegations.report_export import needs_header, needs_rows, report_sheets
from tracker.exports import csv_bytes, download, xlsx_workbook_bytes
from tracker.i18n import local_today
from tracker.security import require


@require("record.view")
def report(delegation_id: int):
    """One printable page about a visit: who came, what they needed, what followed."""
    data = delegation_report(delegation_id) or abort(404)
    return render_template("delegations/report.html", report=data, today=local_today())


@require("record.view")
def report_xlsx(delegation_id: int):
    """The report as a workbook, one sheet per section."""
    data = delegation_report(delegation_id) or abort(404)
    workbook = xlsx_workbook_bytes(report_sheets(data))
    return download(workbook, report_filename(data.delegation, "report", "xlsx"))


@require("record.view")
def report_needs_csv(delegation_id: int):
    """The report's needs section as CSV."""
    data = delegation_report(delegation_id) or abort(404)
    return download(
        csv_bytes(needs_header(), needs_rows(data)),
        report_filename(data.delegation, "needs", "csv"),
    )
