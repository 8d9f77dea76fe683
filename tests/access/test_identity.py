"""Who is asking: the client address the audit trail records (which a client must not be able to
choose), account names, session tokens, and the command line's own identity."""

from __future__ import annotations

import getpass
import hashlib

import pytest

from indicators.access.identity import (
    account_name,
    anonymous,
    client_address,
    operator,
    session_id,
    token_hash,
)
from indicators.core.i18n import WordedError
from indicators.core.roles import Role

PEER = "203.0.113.9"
SPOOF = {"X-Forwarded-For": "10.0.0.1", "X-Real-IP": "127.0.0.1"}


def test_without_a_trusted_proxy_a_client_cannot_choose_its_address():
    assert client_address(PEER, SPOOF, trusted_proxy=False) == PEER
    assert client_address(PEER, {"x-real-ip": "127.0.0.1"}, trusted_proxy=False) == PEER
    assert client_address(None, SPOOF, trusted_proxy=False) is None


def test_behind_our_proxy_the_address_it_saw_is_taken_from_x_real_ip():
    proxy = "127.0.0.1"
    headers = {"X-Real-IP": "198.51.100.23", "X-Forwarded-For": "10.0.0.1, 198.51.100.23"}
    assert client_address(proxy, headers, trusted_proxy=True) == "198.51.100.23"
    assert client_address(proxy, {"x-real-ip": " 198.51.100.23 "}, True) == "198.51.100.23"


def test_behind_our_proxy_without_x_real_ip_the_last_forwarded_entry_counts():
    """Entries before the last are whatever the client claimed; the last is what our proxy
    appended."""
    headers = {"X-Forwarded-For": "10.0.0.1, 127.0.0.1, 198.51.100.23"}
    assert client_address("127.0.0.1", headers, trusted_proxy=True) == "198.51.100.23"
    assert client_address("127.0.0.1", {"x-forwarded-for": "198.51.100.23"}, True) == (
        "198.51.100.23"
    )
    assert client_address("127.0.0.1", {"X-Forwarded-For": "10.0.0.1, "}, True) == "127.0.0.1"
    assert client_address("127.0.0.1", {}, trusted_proxy=True) == "127.0.0.1"


def test_an_address_header_cannot_flood_the_trail():
    headers = {"X-Real-IP": "1" * 5000}
    assert len(client_address(PEER, headers, trusted_proxy=True)) == 64


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ChuyenVien", "chuyenvien"),
        ("  quantri\t", "quantri"),
        ("Lan.Nguyen+so@KhanhHoa.gov.vn", "lan.nguyen+so@khanhhoa.gov.vn"),
        ("nv_01", "nv_01"),
    ],
)
def test_account_names_are_kept_in_one_form(text, name):
    assert account_name(text) == name


@pytest.mark.parametrize("text", ["a", "nguyễn văn a", "@admin", "=1+2", "a;DROP TABLE accounts"])
def test_a_name_outside_the_rule_is_refused_in_both_languages(text):
    with pytest.raises(WordedError) as bad:
        account_name(text)
    assert bad.value.rule == "access.account.bad_name"
    assert "không hợp lệ" in str(bad.value) and "is not valid" in str(bad.value)


def test_a_session_token_is_kept_as_its_sha256_and_shown_shortened():
    token = "TSrjOHCWEXoFPKSFtut3GVIXrnK79HnTrMBiSOfJ6io"
    digest = token_hash(token)
    assert digest == hashlib.sha256(token.encode()).hexdigest() and token not in digest
    assert session_id(digest) == digest[:12]


def test_the_command_line_is_the_servers_operator_with_admin_rights():
    who = operator()
    assert (who.account, who.role, who.via, who.client) == (
        f"cli:{getpass.getuser()}",
        Role.ADMIN,
        "cli",
        "cli",
    )
    named = operator(" ChuyenVien ")
    assert (named.account, named.role, named.via) == ("chuyenvien", None, "account")


def test_an_anonymous_visitor_is_not_signed_in():
    visitor = anonymous(PEER)
    assert not visitor.signed_in and visitor.role is None and visitor.client == PEER
    assert operator().signed_in
