"""sources.toml -> `HarvestConfig`: the municipalities to harvest are data, not code.

Settings are resolved once here (defaults named at the top), so adapters and the fetcher get
plain validated values; an unknown system name fails with the list of known ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# Settings' defaults (pipeline/harvest/http.py uses them too; kept here so that reading the
# settings does not import httpx)
DEFAULT_USER_AGENT = "fi-minutes-harvest/0.1 (+municipal minutes research; see docs/harvest.md)"
DEFAULT_DELAY_S = 1.0
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_OVERLAP_DAYS = 7  # late publications (minutes are signed days after the meeting)
DEFAULT_LOG_MAX_MB = 10.0  # the harvest log is rotated at this size ...
DEFAULT_LOG_BACKUPS = 5  # ... keeping this many old files (harvest.log.1 is the newest)
DEFAULT_CONFIG = Path("sources.toml")
MUNICIPALITIES_CSV = Path(__file__).resolve().parents[2] / "extractors" / "data" / "municipalities.csv"
SYSTEMS = ("dynasty", "tweb", "casem", "ahjo", "generic", "folder")


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class SourceConfig:
    municipality: str
    system: str
    url: str
    bodies: tuple[str, ...] = ()
    delay_s: float = DEFAULT_DELAY_S
    start: dt.date | None = None  # lower bound for the first run (no cursor yet)
    overlap_days: int = DEFAULT_OVERLAP_DAYS
    allow_hosts: tuple[str, ...] = ()  # other hosts a redirect or a document link may lead to
    attachments: bool = False  # also fetch liitteet (attachments), not only minutes
    body: str | None = None  # generic/folder: the body the files belong to
    municipality_code: str | None = None

    @property
    def label(self) -> str:
        return f"{self.municipality}/{self.system}"


@dataclass(frozen=True)
class HarvestConfig:
    sources: tuple[SourceConfig, ...]
    user_agent: str = DEFAULT_USER_AGENT
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = 30.0
    retries: int = 3
    backoff_s: float = 2.0
    log_file: Path | None = None
    log_max_bytes: int = int(DEFAULT_LOG_MAX_MB * 2**20)
    log_backups: int = DEFAULT_LOG_BACKUPS
    publish: bool = True
    enrich: bool = True  # `minutes enrich` after the ingest is published
    extra: dict = field(default_factory=dict)


def municipality_code(name: str, csv_path: Path = MUNICIPALITIES_CSV) -> str | None:
    """Statistics Finland code of a municipality named in Finnish or Swedish."""
    try:
        with csv_path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if name.casefold() in (row.get("name_fi", "").casefold(), row.get("name_sv", "").casefold()):
                    return row["code"]
    except OSError:
        return None
    return None


def _date(value: object, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from exc


def parse_source(raw: dict, index: int) -> SourceConfig:
    where = f"source #{index + 1}"
    for key in ("municipality", "system", "url"):
        if not raw.get(key):
            raise ConfigError(f"{where}: '{key}' is required")
    system = str(raw["system"]).lower()
    if system not in SYSTEMS:
        raise ConfigError(f"{where}: unknown system {system!r}; known systems: {', '.join(SYSTEMS)}")
    url = str(raw["url"])
    if system != "folder" and urlsplit(url).scheme not in ("http", "https"):
        raise ConfigError(f"{where}: url must be http or https: {url}")
    known = {"municipality", "system", "url", "bodies", "delay_s", "start", "overlap_days", "allow_hosts",
             "attachments", "body", "municipality_code"}
    unknown = set(raw) - known
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; known: {sorted(known)}")
    name = str(raw["municipality"])
    return SourceConfig(
        municipality=name, system=system, url=url, bodies=tuple(raw.get("bodies", ())),
        delay_s=float(raw.get("delay_s", DEFAULT_DELAY_S)), start=_date(raw.get("start"), where),
        overlap_days=int(raw.get("overlap_days", DEFAULT_OVERLAP_DAYS)),
        allow_hosts=tuple(raw.get("allow_hosts", ())), attachments=bool(raw.get("attachments", False)),
        body=raw.get("body"), municipality_code=raw.get("municipality_code") or municipality_code(name))


def load_config(path: Path) -> HarvestConfig:
    """Read and validate sources.toml."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"no such config file: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    sources = tuple(parse_source(raw, i) for i, raw in enumerate(data.get("source", [])))
    settings = data.get("harvest", {})
    log_file = settings.get("log_file")
    return HarvestConfig(
        sources=sources, user_agent=settings.get("user_agent", DEFAULT_USER_AGENT),
        max_bytes=int(float(settings.get("max_mb", DEFAULT_MAX_BYTES / 2**20)) * 2**20),
        timeout_s=float(settings.get("timeout_s", 30.0)), retries=int(settings.get("retries", 3)),
        backoff_s=float(settings.get("backoff_s", 2.0)), log_file=Path(log_file) if log_file else None,
        log_max_bytes=int(float(settings.get("log_max_mb", DEFAULT_LOG_MAX_MB)) * 2**20),
        log_backups=int(settings.get("log_backups", DEFAULT_LOG_BACKUPS)),
        publish=bool(settings.get("publish", True)), enrich=bool(settings.get("enrich", True)), extra=settings)
