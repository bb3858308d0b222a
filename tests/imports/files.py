"""Member-list files built in the tests: a 30-row German Excel list and CSV/XLSX writers."""

import csv
import io
from dataclasses import dataclass, field

from openpyxl import Workbook

TITLE = "Delegationsreise Thüringen \u2013 Shanghai Baoshan 2026: Teilnehmerliste"
HEADER = [
    "Nr.", "Vorname", "Nachname", "Firma", "Funktion", "E-Mail", "Telefon", "Branche",
    "Kooperationsbedarf", "Rolle", "Stadt",
]  # fmt: skip
# (organisation spellings in order of the rows, city, people: first, last, position, need)
COMPANIES = [
    (["Jenaer Optronik GmbH", "JENAER OPTRONIK GMBH", "Jenaer Optronik", "Jenaer Optronik GmbH"],
     "Jena", [("Jürgen", "Müller", "Geschäftsführer", "Vertriebspartner in China"),
              ("Björn", "Schäfer", "Vertriebsleiter", "Vertriebspartner in China"),
              ("Käthe", "Weiß", "Einkäuferin", ""),
              ("Sören", "Höfer", "Entwicklungsingenieur", "")]),
    (["Müller Präzisionstechnik GmbH"], "Gera",
     [("Günther", "Größ", "Geschäftsführender Gesellschafter",
       "Produktionsfläche in Baoshan; Joint Venture mit lokalem Partner"),
      ("Ute", "Brückner", "Prokuristin", ""), ("Jörg", "Nußbaum", "Werkleiter", "")]),
    (["Thüringer Aufbaubank"], "Erfurt",
     [("Dörte", "Krämer", "Referentin für Außenwirtschaft", ""),
      ("Ömer", "Y\u0131lmaz", "Abteilungsleiter", "")]),
    (["Glaswerk Ilmenau AG"], "Ilmenau",
     [("Mareike", "Kühn", "Vorständin", ""), ("Lutz", "Förster", "Leiter Export", ""),
      ("Anja", "Görlitz", "Qualitätsmanagerin", "")]),
    (["Bäckerei Köhler & Söhne KG"], "Weimar",
     [("Hans-Jürgen", "Köhler", "Inhaber", ""), ("Lena", "Köhler", "Marketing", "")]),
    (["Fraunhofer-Institut für Angewandte Optik und Feinmechanik IOF"], "Jena",
     [("Prof. Dr. Andreas", "Tünnermann", "Institutsleiter",
       "Forschungskooperation mit Shanghaier Hochschulen"),
      ("Dr. Sabine", "Möller", "Gruppenleiterin", ""), ("Till", "Ränger", "Doktorand", "")]),
    (["Landesentwicklungsgesellschaft Thüringen mbH"], "Erfurt",
     [("Sebastian", "Büttner", "Delegationsleiter", ""), ("Xu", "Ming", "Dolmetscherin", ""),
      ("Franziska", "Böhme", "Projektmanagerin", "")]),
    (["Ströer Solartechnik GmbH"], "Arnstadt",
     [("Maximilian", "Strößner", "Geschäftsführer", ""), ("Heike", "Dürr", "Vertrieb", "")]),
    (["Universität Erfurt"], "Erfurt",
     [("Prof. Dr. Klaus", "Übel", "Vizepräsident", ""), ("Jana", "Schönfeld", "Referentin", "")]),
    (["Göbel Maschinenbau GmbH & Co. KG"], "Suhl",
     [("Friedrich", "Göbel", "Geschäftsführer", "Servicestandort für Maschinen"),
      ("Agnes", "Göbel", "Finanzleiterin", ""), ("Rüdiger", "Wächter", "Techniker", "")]),
]  # fmt: skip
ROLES = {"Büttner": "Delegationsleiter", "Ming": "Dolmetscherin", "Schäfer": "Mitglied"}
INDUSTRIES = {"Jena": "Optik", "Gera": "Maschinenbau"}


@dataclass
class GermanList:
    """The rows of the German list (header included) and where its special rows are."""

    rows: list[list[str]] = field(default_factory=list)
    header_row: int = 3  # below a title row and an empty row
    blank_row: int = 0
    duplicate_row: int = 0
    duplicate_of: int = 0
    no_name_row: int = 0
    people: int = 0
    organisations: int = len(COMPANIES)
    needs: int = 5  # Jenaer Optronik's need is named twice but created once


def german_list() -> GermanList:
    """30 data rows: 27 people in 10 organisations (one spelled three ways), a duplicate of the
    first person, a blank row and a row with no name."""
    result = GermanList(rows=[[TITLE], [], HEADER])
    people = []
    for spellings, city, members in COMPANIES:
        for i, (first, last, position, need) in enumerate(members):
            name = spellings[i % len(spellings)]
            mail = f"{first.split()[-1].lower()}.{last.lower()}@example.de"
            phone = f"+49 361 {len(people) + 100}-0"
            role = ROLES.get(last, "")
            industry = INDUSTRIES.get(city, "")
            people.append(
                ["", first, last, name, position, mail, phone, industry, need, role, city]
            )
    result.people = len(people)
    no_name = ["", "", "", "Glaswerk Ilmenau AG", "Fahrer", "", "", "", "", "", ""]
    blank = [""] * len(HEADER)
    data = [*people[:10], blank, *people[10:20], list(people[0]), *people[20:24], no_name]
    data += people[24:]
    for number, row in enumerate(data, start=1):
        row[0] = str(number) if any(row[1:]) else ""
    result.rows += data
    first = result.header_row + 1
    result.blank_row = first + 10
    result.duplicate_row = first + 21
    result.duplicate_of = first
    result.no_name_row = first + 26
    assert len(data) == 30
    return result


def xlsx(rows: list[list], sheet: str = "Teilnehmer", extra_sheets: dict | None = None) -> bytes:
    """An XLSX workbook with rows on its first sheet (and more sheets when given)."""
    workbook = Workbook()
    first = workbook.active
    first.title = sheet
    for row in rows:
        first.append(row)
    for name, more in (extra_sheets or {}).items():
        other = workbook.create_sheet(name)
        for row in more:
            other.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(rows: list[list], delimiter: str = ";", encoding: str = "utf-8") -> bytes:
    """CSV as German Excel writes it: semicolons by default; encoding utf-8-sig for a BOM."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)
