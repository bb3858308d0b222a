"""The leadership report as one workbook, laid out as the monthly report to the district: a
title row naming the commission and the period, then the summary against the targets and last
year, and one sheet per breakdown, the funnel and the overdue obligations. Numbers are numbers
with their formats; text goes through tracker.exports' neutralise (no formulas)."""

import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from flask_babel import format_date
from flask_babel import gettext as _

from tracker.exports import (
    AMOUNT_FORMAT,
    DATE_FORMAT,
    SHEET_TITLE_FORBIDDEN,
    neutralise,
    xlsx_cell,
)
from tracker.i18n import lazy_label_in as _lp
from tracker.leadership.services import FUNNEL_LABELS, BreakdownRow, LeadershipReport
from tracker.letterhead import commission_name
from tracker.models import TargetMetric
from tracker.models.project import PARTY_LABELS, TARGET_METRIC_LABELS

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.0%"
METRICS = tuple(TargetMetric)


class Share(float):
    """A fraction shown as a percentage."""


def _cell(sheet, row: int, column: int, value) -> None:
    cell = sheet.cell(row=row, column=column, value=neutralise(xlsx_cell(value)))
    if isinstance(value, Share):
        cell.number_format = SHARE_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal):
        cell.number_format = AMOUNT_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = COUNT_FORMAT


def _sheet(book, title: str, heading: str, header: Sequence[str], rows: Iterable[Sequence]):
    """A sheet: the title row, the bold header on row 3, then rows."""
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title.translate(SHEET_TITLE_FORBIDDEN)[:31])
    sheet.cell(row=1, column=1, value=neutralise(heading)).font = Font(bold=True, size=13)
    for column, text in enumerate(header, 1):
        sheet.cell(row=3, column=column, value=neutralise(str(text))).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = 30 if column == 1 else 16
    for index, values in enumerate(rows, 4):
        for column, value in enumerate(values, 1):
            _cell(sheet, index, column, value)
    sheet.freeze_panes = "B4"
    return sheet


def _share(value: float | None) -> Share | None:
    return Share(value) if value is not None else None


def _money(value) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _summary_rows(report: LeadershipReport) -> Iterable[list]:
    for row in report.summary:
        if row.kind == "rate":
            yield [row.label, None, _share(row.actual), None, _share(row.last), None]
            continue
        value = _money if row.kind == "money" else int
        target = value(row.target) if row.target is not None else None
        yield [row.label, target, value(row.actual), _share(row.completion), value(row.last),
               _share(row.change)]  # fmt: skip


def _breakdown_header(first: str, with_targets: bool) -> list[str]:
    header = [first]
    for metric in METRICS:
        header.append(str(TARGET_METRIC_LABELS[metric]))
        if with_targets:
            header.append(_("Target: %(figure)s", figure=TARGET_METRIC_LABELS[metric]))
    return header


def _tally_values(tally) -> list:
    return [tally.signed, _money(tally.contracted), _money(tally.in_place), tally.major,
            tally.jobs]  # fmt: skip


def _breakdown_rows(rows: list[BreakdownRow], with_targets: bool) -> Iterable[list]:
    for row in rows:
        cells = [row.label]
        for metric, value in zip(METRICS, _tally_values(row.tally), strict=True):
            cells.append(value)
            if with_targets:
                target = row.targets.get(metric)
                if target is not None:
                    target = int(target) if isinstance(value, int) else _money(target)
                cells.append(target)
        yield cells


def _overdue_rows(report: LeadershipReport) -> Iterable[list]:
    for party in report.overdue.parties:
        label = PARTY_LABELS[party.party]
        yield [label, party.count, None, None, None, None]
        for currency, amount in party.amounts.items():
            yield [label, None, currency, amount, None, None]
    yield []
    for obligation in report.overdue.top:
        yield [PARTY_LABELS[obligation.party], None,
               obligation.currency.value if obligation.currency else None,
               _money(obligation.amount) if obligation.amount is not None else None,
               obligation.project.name, obligation.description, obligation.due_on]  # fmt: skip


def workbook(report: LeadershipReport) -> bytes:
    """The report as XLSX bytes."""
    # openpyxl is imported where XLSX is written: most requests never need its 5 MB.
    from openpyxl import Workbook

    period = report.period
    heading = _("%(commission)s · Leadership report %(year)s, year to %(month)s",
                commission=commission_name(), year=period.year,
                month=format_date(period.end, "MMMM y"))  # fmt: skip
    book = Workbook()
    book.remove(book.active)
    _sheet(book, str(_lp("leadership workbook", "Summary")), heading,
           [_("Figure"), _("Target"), _("Actual, year to date"), _("Of target (%)"),
            _("Same period last year"), _("Change (%)")],
           _summary_rows(report))  # fmt: skip
    month_header = [_("Month"), *(str(TARGET_METRIC_LABELS[m]) for m in METRICS),
                    _("Signed projects last year"),
                    _("Capital in place last year (CNY)")]  # fmt: skip
    _sheet(book, _("By month"), heading, month_header,
           ([format_date(r.month, "MMMM"), *_tally_values(r.this), r.last.signed,
             _money(r.last.in_place)] for r in report.by_month))  # fmt: skip
    _sheet(book, _("By key industry"), heading, _breakdown_header(_("Key industry"), True),
           _breakdown_rows(report.by_industry, True))  # fmt: skip
    _sheet(book, _("By officer"), heading, _breakdown_header(_("Officer"), True),
           _breakdown_rows(report.by_officer, True))  # fmt: skip
    _sheet(book, _("By country"), heading, _breakdown_header(_("Country"), False),
           _breakdown_rows(report.by_country, False))  # fmt: skip
    _sheet(book, _("Funnel"), heading, [_("Step"), _("Count")],
           ([str(FUNNEL_LABELS[s.key]), s.value] for s in report.funnel))  # fmt: skip
    _sheet(book, _("Overdue obligations"), heading,
           [_("Party"), _("Overdue"), _("Currency"), _("Amount"), _("Project"), _("Obligation"),
            _("Due on")], _overdue_rows(report))  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
