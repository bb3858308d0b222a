"""Guessing which column holds what, from German, English and Chinese headers."""

import pytest

from tracker.imports.fields import guess_field, guess_mapping, header_key


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Name", "full_name"), ("姓名", "full_name"), ("Full name", "full_name"),
        ("Vorname", "first_name"), ("Nachname", "last_name"), ("Surname", "last_name"),
        ("Firma", "organisation"), ("Unternehmen", "organisation"),
        ("Organisation", "organisation"),
        ("Company", "organisation"), ("单位", "organisation"), ("公司", "organisation"),
        ("工作单位", "organisation"), ("Funktion", "position"), ("Position", "position"),
        ("职务", "position"), ("Job title", "position"), ("E-Mail", "email"), ("eMail", "email"),
        ("E-Mail-Adresse (dienstlich)", "email"), ("邮箱", "email"), ("Telefon", "phone"),
        ("Tel.", "phone"), ("电话", "phone"), ("手机", "phone"), ("Branche", "industry"),
        ("行业", "industry"), ("Themen", "topics"), ("议题", "topics"),
        ("Kooperationsbedarf", "needs"), ("合作需求", "needs"), ("Cooperation needs", "needs"),
        ("Rolle", "role"), ("角色", "role"), ("Land", "country"), ("国家", "country"),
        ("Stadt", "city"), ("城市", "city"), ("Bemerkungen", "notes"), ("备注", "notes"),
        ("中文名", "name_other_script"), ("Chinese name", "name_other_script"),
        ("Nr.", ""), ("", ""), ("Lieblingsfarbe", ""),
    ],
)  # fmt: skip
def test_guess_field(header, field):
    assert guess_field(header) == field


def test_guess_mapping_german_list():
    headers = ["Nr.", "Vorname", "Nachname", "Firma", "Funktion", "E-Mail", "Telefon"]
    assert guess_mapping(headers) == [
        "", "first_name", "last_name", "organisation", "position", "email", "phone"
    ]  # fmt: skip


def test_guess_mapping_chinese_list():
    headers = ["序号", "姓名", "单位", "职务", "电话", "邮箱", "合作需求"]
    assert guess_mapping(headers) == [
        "", "full_name", "organisation", "position", "phone", "email", "needs"
    ]  # fmt: skip


def test_guess_mapping_english_list_gives_each_field_once():
    headers = ["Name", "Company", "Organisation", "Email"]
    assert guess_mapping(headers) == ["full_name", "organisation", "", "email"]


def test_remembered_mapping_wins_over_the_guess():
    remembered = {header_key("Firma"): "", header_key("Bezeichnung"): "organisation"}
    headers = ["Name", "Firma", "Bezeichnung"]
    assert guess_mapping(headers, remembered) == ["full_name", "", "organisation"]
