"""Polite, safe fetching for the harvest, set in one place (city-scrapers' settings habit).

Every request of a harvest goes through one `Fetcher`: a User-Agent naming the project,
robots.txt obeyed, one request at a time per host with a delay between them, retries with
backoff on 5xx and timeouts (never on 4xx), http/https only, redirects only within the allowed
hosts, a size limit per download, content type and magic bytes checked, and conditional GET
(ETag / Last-Modified) against what the `FetchMemory` (DuckDB table harvest_fetches) remembers.
"""

from __future__ import annotations

import hashlib
import logging
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx

from pipeline.harvest.config import DEFAULT_DELAY_S, DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_S = 2.0
DEFAULT_MAX_RETRY_AFTER_S = 60.0
DEFAULT_MAX_PAGE_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5

# What a server may call each kind of file. PDFs are often sent as octet-stream or "download".
CONTENT_TYPES: dict[str, tuple[str, ...]] = {
    "pdf": ("application/pdf", "application/x-pdf", "application/octet-stream", "binary/octet-stream",
            "application/download", "application/force-download", "application/x-download"),
    "html": ("text/html", "application/xhtml+xml", "text/plain"),
    "json": ("application/json", "text/json", "text/plain", "application/javascript"),
    "xml": ("application/rss+xml", "application/xml", "text/xml", "application/atom+xml"),
}


class FetchError(Exception):
    """A URL that could not be fetched; `status` is the HTTP status when there was one."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{reason}: {url}")
        self.url, self.reason, self.status = url, reason, status


class Disallowed(FetchError):
    pass


class TooLarge(FetchError):
    pass


class BadContent(FetchError):
    pass


@dataclass
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    delay_s: float = DEFAULT_DELAY_S
    timeout_s: float = DEFAULT_TIMEOUT_S
    retries: int = DEFAULT_RETRIES
    backoff_s: float = DEFAULT_BACKOFF_S
    max_bytes: int = DEFAULT_MAX_BYTES
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    obey_robots: bool = True


@dataclass(frozen=True)
class Remembered:
    etag: str | None
    last_modified: str | None
    sha256: str | None
    path: str | None


class FetchMemory(Protocol):
    """Where the fetcher remembers validators and cached bodies (see state.py)."""

    def recall(self, key: str) -> Remembered | None: ...

    def remember(self, key: str, url: str, status: int, etag: str | None, last_modified: str | None,
                 sha256: str | None, path: str | None, content_type: str | None) -> None: ...


@dataclass
class Response:
    url: str
    status: int
    content: bytes
    content_type: str
    not_modified: bool = False  # 304: `content` came from the cache
    etag: str | None = None
    last_modified: str | None = None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_content(url: str, data: bytes, content_type: str, expect: str) -> None:
    """Refuse a body that is not what we asked for (an HTML error page sent for a PDF, say)."""
    ctype = content_type.split(";")[0].strip().lower()
    allowed = CONTENT_TYPES.get(expect)
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if expect == "pdf":
        if not head.startswith(b"%PDF-"):
            raise BadContent(url, f"not a PDF (starts {data[:8]!r}, content type {ctype or '-'})")
    elif expect == "json":
        if head[:1] not in (b"{", b"["):
            raise BadContent(url, f"not JSON (content type {ctype or '-'})")
    elif expect in ("html", "xml"):
        if head.startswith(b"%PDF") or b"\x00" in data[:2048]:
            raise BadContent(url, f"binary content where {expect} was expected")
    if allowed and ctype and ctype not in allowed:
        raise BadContent(url, f"content type {ctype} is not {expect}")


class Fetcher:
    """One harvest's HTTP client. Not thread-safe on purpose: one request at a time."""

    def __init__(self, settings: FetchSettings | None = None, memory: FetchMemory | None = None,
                 cache_dir: Path | None = None, allowed_hosts: set[str] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.memory = memory
        self.cache_dir = cache_dir
        self.allowed_hosts = {h.lower() for h in (allowed_hosts or set())}
        self.host_delay: dict[str, float] = {}
        self._sleep, self._clock = sleep, clock
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._run_cache: dict[str, Response] = {}
        self.requests = 0
        self.client = httpx.Client(headers={"User-Agent": self.settings.user_agent},
                                   timeout=self.settings.timeout_s, follow_redirects=False,
                                   transport=transport)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- policy -------------------------------------------------------------------------------

    def allow_site(self, url: str, delay_s: float | None = None) -> None:
        """Add a source's host to the allowed hosts, with its politeness delay."""
        host = _host(url)
        self.allowed_hosts.add(host)
        if delay_s is not None:
            self.host_delay[host] = delay_s

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise Disallowed(url, f"scheme {parts.scheme or '-'} is not http/https")
        if self.allowed_hosts and _host(url) not in self.allowed_hosts:
            raise Disallowed(url, "host outside the configured sites")

    def _wait_turn(self, host: str, extra: float = 0.0) -> None:
        delay = max(self.host_delay.get(host, self.settings.delay_s), extra)
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self._robots:
            return self._robots[origin]
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            resp = self._send("GET", robots_url, None, {}, self.settings.max_page_bytes, check_robots=False)
            if resp.status >= 400:
                parser.allow_all = True  # RFC 9309: an unavailable (4xx) robots.txt allows all
            else:
                parser.parse(resp.content.decode("utf-8", "replace").splitlines())
        except FetchError as exc:
            if exc.status is None:  # no answer at all: say so, not 'disallowed' (and ask again next time)
                raise FetchError(url, f"{exc.reason}; is the site up, and its URL in sources.toml right?") from None
            if 400 <= exc.status < 500:
                parser.allow_all = True
            else:  # unreachable (5xx): assume complete disallow, as the RFC says
                parser.disallow_all = True
        self._robots[origin] = parser
        return parser

    def _robots_delay(self, url: str) -> float:
        parser = self._robots.get(_origin(url))
        if parser is None:
            return 0.0
        delay = parser.crawl_delay(self.settings.user_agent)
        return float(delay) if delay else 0.0

    # --- requests -----------------------------------------------------------------------------

    def _send(self, method: str, url: str, data: dict[str, str] | None, headers: dict[str, str],
              limit: int, check_robots: bool = True) -> Response:
        """One logical request: robots, redirects within the site, retries, size limit."""
        for _hop in range(DEFAULT_MAX_REDIRECTS + 1):
            self._check_url(url)
            if check_robots and self.settings.obey_robots:
                robots = self._robots_for(url)
                if robots is not None and not robots.can_fetch(self.settings.user_agent, url):
                    raise Disallowed(url, "disallowed by robots.txt")
            resp = self._attempt(method, url, data, headers, limit)
            if resp.status in (301, 302, 303, 307, 308):
                target = resp.content.decode("latin-1") if resp.content else ""
                if not target:
                    raise FetchError(url, "redirect without Location", resp.status)
                url = urljoin(url, target)
                if resp.status in (301, 302, 303):
                    method, data = "GET", None
                continue
            return resp
        raise FetchError(url, "too many redirects")

    def _attempt(self, method: str, url: str, data: dict[str, str] | None, headers: dict[str, str],
                 limit: int) -> Response:
        host = _host(url)
        for attempt in range(self.settings.retries + 1):
            self._wait_turn(host, self._robots_delay(url))
            retry_after = 0.0
            try:
                self.requests += 1
                with self.client.stream(method, url, data=data, headers=headers) as r:
                    if r.status_code in (301, 302, 303, 307, 308):
                        return Response(url, r.status_code, r.headers.get("location", "").encode("latin-1"),
                                        r.headers.get("content-type", ""))
                    if r.status_code >= 500 or r.status_code == 429:
                        retry_after = _retry_after(r.headers.get("retry-after"))
                        raise FetchError(url, f"HTTP {r.status_code}", r.status_code)
                    if r.status_code >= 400:
                        return Response(url, r.status_code, b"", r.headers.get("content-type", ""))
                    size = r.headers.get("content-length")
                    if size and size.isdigit() and int(size) > limit:
                        raise TooLarge(url, f"{int(size)} bytes is over the limit of {limit}")
                    chunks, total = [], 0
                    for chunk in r.iter_bytes():
                        total += len(chunk)
                        if total > limit:
                            raise TooLarge(url, f"over the limit of {limit} bytes")
                        chunks.append(chunk)
                    return Response(url, r.status_code, b"".join(chunks), r.headers.get("content-type", ""),
                                    etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"))
            except httpx.TimeoutException as exc:
                error: FetchError = FetchError(url, f"timed out after {self.settings.timeout_s:g} s "
                                                    f"({type(exc).__name__})")
            except httpx.ConnectError as exc:
                error = FetchError(url, f"cannot connect to {host} ({exc})")
            except httpx.TransportError as exc:
                error = FetchError(url, f"{type(exc).__name__}: {exc}")
            except TooLarge:
                raise
            except FetchError as exc:
                error = exc
            if attempt < self.settings.retries:
                pause = max(self.settings.backoff_s * (2 ** attempt), retry_after)
                log.info("retrying %s in %.1fs (%s)", url, pause, error.reason)
                self._sleep(pause)
        raise error

    def fetch(self, url: str, expect: str = "html", method: str = "GET",
              data: dict[str, str] | None = None, conditional: bool = True) -> Response:
        """GET (or POST) a page or file. With `conditional`, remembered validators are sent and a
        304 answer is served from the cache; the same URL is fetched once per run."""
        key = _key(method, url, data)
        if key in self._run_cache:
            return self._run_cache[key]
        limit = self.settings.max_page_bytes if expect in ("html", "json", "xml") else self.settings.max_bytes
        headers: dict[str, str] = {}
        known = self.memory.recall(key) if (self.memory and conditional) else None
        cached = _read_cache(known)
        if known and cached is not None and method == "GET":
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        resp = self._send(method, url, data, headers, limit)
        if resp.status == 304 and cached is not None:
            resp = Response(resp.url, 304, cached, resp.content_type or "", not_modified=True)
        elif resp.status >= 400:
            raise FetchError(url, f"HTTP {resp.status}", resp.status)
        else:
            check_content(url, resp.content, resp.content_type, expect)
            self._store(key, url, resp)
        self._run_cache[key] = resp
        return resp

    def _store(self, key: str, url: str, resp: Response) -> None:
        if self.memory is None:
            return
        digest = sha256_bytes(resp.content)
        path = None
        if self.cache_dir is not None and len(resp.content) <= self.settings.max_page_bytes:
            target = self.cache_dir / hashlib.sha1(key.encode()).hexdigest()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(resp.content)
            path = str(target)
        self.memory.remember(key, url, resp.status, resp.etag, resp.last_modified, digest, path,
                             resp.content_type)


def _read_cache(known: Remembered | None) -> bytes | None:
    if known is None or not known.path:
        return None
    try:
        data = Path(known.path).read_bytes()
    except OSError:
        return None
    return data if known.sha256 is None or sha256_bytes(data) == known.sha256 else None


def _key(method: str, url: str, data: dict[str, str] | None) -> str:
    if method == "GET" and not data:
        return url
    body = "&".join(f"{k}={v}" for k, v in sorted((data or {}).items()))
    return f"{method} {url} {body}"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _retry_after(value: str | None) -> float:
    if value and value.strip().isdigit():
        return min(float(value.strip()), DEFAULT_MAX_RETRY_AFTER_S)
    return 0.0

