"""system name -> adapter class. An unknown name fails with the list of known ones."""

from __future__ import annotations

from pipeline.harvest.ahjo import AhjoAdapter
from pipeline.harvest.casem import CasemAdapter
from pipeline.harvest.config import SourceConfig
from pipeline.harvest.dynasty import DynastyAdapter
from pipeline.harvest.folder import FolderAdapter
from pipeline.harvest.generic import GenericAdapter
from pipeline.harvest.http import Fetcher
from pipeline.harvest.model import Adapter
from pipeline.harvest.tweb import TwebAdapter

ADAPTERS: dict[str, type] = {
    "dynasty": DynastyAdapter,
    "tweb": TwebAdapter,
    "casem": CasemAdapter,
    "ahjo": AhjoAdapter,
    "generic": GenericAdapter,
    "folder": FolderAdapter,
}


class UnknownSystem(KeyError):
    def __str__(self) -> str:
        return f"unknown publishing system {self.args[0]!r}; known systems: {', '.join(sorted(ADAPTERS))}"


def make_adapter(source: SourceConfig, fetcher: Fetcher) -> Adapter:
    try:
        cls = ADAPTERS[source.system]
    except KeyError:
        raise UnknownSystem(source.system) from None
    return cls(source, fetcher)
