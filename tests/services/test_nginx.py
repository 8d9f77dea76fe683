"""The deployed nginx site, run by tests/services/nginx.py in front of two small ASGI servers
(uvicorn, as Streamlit serves the app) that answer with their own name and what they received.

What matters for Streamlit behind it: a browser stays on one server for its requests and its
websocket; new browsers are spread over both; the dashboard is told the visitor's address and
scheme and gets the Host it needs to accept a websocket; the upload limit is the app's; a
stopped server's visitors move to the other; nginx stops by its PID.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from websockets.sync.client import connect

from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from tests.services.nginx import NGINX, SITE, Nginx, free_port, running_nginx

# An upstream: any HTTP request is answered with this server's name, the path, the headers
# and the size of the body it read; a websocket echoes one message with the name.
UPSTREAM = """
import json, sys
import uvicorn

NAME = sys.argv[2]

async def app(scope, receive, send):
    if scope["type"] == "http":
        size, more = 0, True
        while more:
            msg = await receive()
            size += len(msg.get("body", b""))
            more = msg.get("more_body", False)
        headers = {k.decode(): v.decode() for k, v in scope["headers"]}
        body = json.dumps({"upstream": NAME, "path": scope["path"], "headers": headers,
                           "body": size}).encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})
    elif scope["type"] == "websocket":
        await receive()
        await send({"type": "websocket.accept"})
        msg = await receive()
        await send({"type": "websocket.send",
                    "text": json.dumps({"upstream": NAME, "echo": msg.get("text")})})
        await send({"type": "websocket.close"})

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", lifespan="off")
"""
MB = 1024 * 1024


class Upstream:
    def __init__(self, name: str) -> None:
        self.name, self.port = name, free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", UPSTREAM, str(self.port), name], start_new_session=True
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"upstream {name} did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)


class Browser:
    """A client with its own cookie jar, as one browser is."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str, data: bytes | None = None) -> dict:
        with self.opener.open(urllib.request.Request(url, data=data), timeout=30) as reply:
            found = json.loads(reply.read())
        found["reply_headers"] = dict(reply.headers)
        return found

    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


@pytest.fixture(scope="module")
def upstreams():
    if not NGINX.exists():
        pytest.fail(f"{NGINX} is missing: run `python3 dev.py test` as root to install 'nginx'")
    servers = [Upstream("a"), Upstream("b")]
    yield servers
    for s in servers:
        s.stop()


@pytest.fixture(scope="module")
def proxy(upstreams):
    with running_nginx([s.port for s in upstreams]) as nginx:
        yield nginx


def test_one_browser_stays_on_one_server_and_new_browsers_are_spread(proxy):
    seen = set()
    for _ in range(40):
        browser = Browser()
        first = browser.get(f"{proxy.url}/")["upstream"]
        assert re.fullmatch(r"chiso_route=[0-9a-f]{32}", browser.cookie())
        later = {browser.get(f"{proxy.url}/page/{i}")["upstream"] for i in range(10)}
        assert later == {first}
        seen.add(first)
    # 40 new browsers all on one server of two would happen once in 2**39 runs
    assert seen == {"a", "b"}


def test_the_websocket_reaches_the_server_of_the_page(proxy):
    for _ in range(10):
        browser = Browser()
        page = browser.get(f"{proxy.url}/")["upstream"]
        ws_url = f"ws://127.0.0.1:{proxy.port}/_stcore/stream"
        with connect(ws_url, additional_headers={"Cookie": browser.cookie()}) as ws:
            ws.send("hello")
            reply = json.loads(ws.recv(timeout=10))
        assert reply == {"upstream": page, "echo": "hello"}


def test_a_hand_made_route_cookie_is_replaced(proxy):
    request = urllib.request.Request(f"{proxy.url}/", headers={"Cookie": "chiso_route=../../x"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert re.match(r"chiso_route=[0-9a-f]{32};", reply.headers["Set-Cookie"])


def test_the_app_is_told_who_asked_and_gets_security_headers_back(proxy):
    found = Browser().get(f"{proxy.url}/_auth/ticket/abc")
    sent = found["headers"]
    assert found["path"] == "/_auth/ticket/abc"  # the sign-in routes are proxied
    assert sent["host"] == f"127.0.0.1:{proxy.port}"  # with its port: Streamlit's origin check
    assert sent["x-real-ip"] == "127.0.0.1"
    assert sent["x-forwarded-proto"] == "http"
    headers = found["reply_headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["Server"] == "nginx"  # no version
    assert "Secure" not in headers["Set-Cookie"]  # plain HTTP here; Secure over HTTPS


def test_the_upload_limit_is_the_apps(proxy):
    max_mb = load_settings(DEFAULT_DATA_DIR).upload_limits.max_mb
    limit = re.search(r"client_max_body_size (\d+)m;", SITE.read_text())
    assert limit and int(limit.group(1)) == int(max_mb) + 1
    url = f"{proxy.url}/_stcore/upload_file/session/file"
    assert Browser().get(url, data=b"x" * int(max_mb * MB))["body"] == int(max_mb * MB)
    with pytest.raises(urllib.error.HTTPError) as refused:
        Browser().get(url, data=b"x" * (int(limit.group(1)) * MB + 1))
    assert refused.value.code == 413


def test_the_site_as_deployed_is_valid_nginx(tmp_path: Path):
    """The file as installed, TLS and the redirect included; only the certificate (made here)
    and the log folder differ."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=chiso.example.gov.vn", "-keyout", key, "-out", cert],
        check=True, capture_output=True,
    )  # fmt: skip
    site = SITE.read_text()
    site = site.replace("/etc/ssl/chiso-cntt/fullchain.pem", str(cert))
    site = site.replace("/etc/ssl/chiso-cntt/privkey.pem", str(key))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site)
    main = f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
    main += f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    (tmp_path / "nginx.conf").write_text(main)
    done = subprocess.run(
        [NGINX, "-t", "-c", tmp_path / "nginx.conf", "-p", tmp_path],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_a_stopped_servers_visitors_move_to_the_other_and_nginx_stops_by_pid(upstreams):
    spare = [Upstream("c"), Upstream("d")]
    nginx = Nginx([s.port for s in spare]).start()
    try:
        browsers = [Browser() for _ in range(20)]
        on = {id(b): b.get(f"{nginx.url}/")["upstream"] for b in browsers}
        spare[0].stop()
        for b in browsers:
            assert b.get(f"{nginx.url}/again")["upstream"] == "d"  # no error, the other server
        moved = [b for b in browsers if on[id(b)] == "c"]
        assert moved  # some were on the stopped one (20 browsers, 2 servers)
        pid, port = nginx.proc.pid, nginx.port
    finally:
        nginx.stop()
        for s in spare:
            s.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
