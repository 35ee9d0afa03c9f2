"""What the web adapters share: fetching a page or JSON through the run's `Fetcher`, resolving
links against the configured site, and naming files safely."""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from pipeline.harvest.config import SourceConfig
from pipeline.harvest.htmlutil import Page, decode_html, parse_page
from pipeline.harvest.http import Fetcher

_UNSAFE = re.compile(r"[^\w.\-+ ()§,]+", re.UNICODE)
MAX_NAME = 120


def safe_name(name: str, default: str = "file") -> str:
    """A file or folder name that cannot escape its folder: no separators, no leading dots,
    no control characters, at most MAX_NAME characters (Finnish letters kept)."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("/", "_").replace("\\", "_")
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"_+", "_", name).strip(" ._")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: MAX_NAME - len(ext) - 1] + "." + ext) if dot and len(ext) <= 5 else name[:MAX_NAME]
    return name or default


class SiteAdapter:
    """Base for adapters of web systems: `self.base` is the configured URL."""

    def __init__(self, source: SourceConfig, fetcher: Fetcher) -> None:
        self.source = source
        self.fetcher = fetcher
        self.base = source.url

    def page(self, url: str, method: str = "GET", data: dict[str, str] | None = None) -> Page:
        return parse_page(self.text(url, method, data))

    def text(self, url: str, method: str = "GET", data: dict[str, str] | None = None) -> str:
        resp = self.fetcher.fetch(url, expect="html", method=method, data=data, conditional=method == "GET")
        return decode_html(resp.content, resp.content_type)

    def json(self, url: str) -> Any:
        resp = self.fetcher.fetch(url, expect="json")
        return json.loads(resp.content.decode("utf-8-sig"))

    def resolve(self, href: str, page_url: str) -> str:
        """An absolute URL for a link, with a saved copy's links put back onto the configured site:
        a link to another host but the same folder as the site (a mirror, an http/https or host
        alias) is mapped onto the configured base."""
        url = urljoin(page_url, href.strip())
        parts, base = urlsplit(url), urlsplit(self.base)
        if parts.hostname != base.hostname and parts.hostname not in self.source.allow_hosts:
            base_dir = base.path.rstrip("/") if base.path.endswith("/") else posixpath.dirname(base.path)
            if posixpath.dirname(parts.path) == base_dir:
                url = urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
        return url
