"""Where the data lives and which province is shown, read from the environment and settings.toml.

A deployment for another province changes only its data folder, never the code.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from indicators.core.catalog import Catalog
from indicators.core.i18n import WordedError, bilingual
from indicators.core.limits import UploadLimits

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA_DIR = REPO_ROOT / "data"
DEFAULT_DB_PATH = REPO_ROOT / "var" / "indicators.duckdb"
# INDICATORS_DB names a DuckDB file (one office, no server) or, with one of these schemes, the
# PostgreSQL database several app servers share (docs/deploy.md).
STORE_URL_SCHEMES = ("postgresql://", "postgres://")
SIGN_IN_WAYS = ("local", "oidc")
REGIONS_FILE = "socio_economic_regions.csv"  # provinces by socio-economic region, per unit list
# The whole country as a unit (an install for a ministry or a regional office names it as its
# home in `[province] units`), and the shorthand for every province of a unit list in
# `[[region_sources]] province_codes`.
COUNTRY, ALL_PROVINCES = "VN", "*"


@dataclass(frozen=True)
class AccessSettings:
    """`[access]` in settings.toml: how people sign in and how long a session lasts.

    `sign_in` chooses the sign-in control offered: "local" (accounts in the store, passwords
    hashed with Argon2id) or "oidc" (single sign-on with Streamlit's `st.login`, configured in
    `.streamlit/secrets.toml` under `[auth]`). `require_sign_in` makes every page ask for it
    (internal installs); otherwise anonymous visitors are viewers. The client address is read
    from the reverse proxy's headers only when `trusted_proxy` says a proxy we run is in front.
    """

    sign_in: str = "local"
    require_sign_in: bool = False
    idle_minutes: int = 60
    max_failed: int = 5
    lockout_minutes: int = 15
    trusted_proxy: bool = False
    oidc_provider: str = ""  # "" = the single [auth] section; else [auth.<name>]
    role_claim: str = "roles"  # ID-token claim holding the role(s), when the provider sends one

    @classmethod
    def from_toml(cls, raw: dict) -> AccessSettings:
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in raw.items() if k in known}
        found = cls(**values)
        if found.sign_in not in SIGN_IN_WAYS:
            raise ValueError(f"[access] sign_in must be one of {SIGN_IN_WAYS}: {found.sign_in!r}")
        return found


@dataclass(frozen=True)
class RegionRef:
    """A unit is its code within one unit list: codes are reused after the 2025 reform."""

    unit_list: str
    code: str


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_path: Path
    org_vi: str
    org_en: str
    province_vi: str
    province_en: str
    province_units: tuple[RegionRef, ...]
    region_sources: tuple[tuple[str, tuple[str, ...]], ...]
    headline: tuple[str, ...]  # as written in settings.toml; read it through `headline_in`
    ranking_default: str
    trend_default: str
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    # The shared PostgreSQL store, when INDICATORS_DB is a URL. `db_path` is then this server's
    # local DuckDB copy of its data (INDICATORS_MIRROR), which the pages read.
    db_url: str | None = None

    org = bilingual("org")
    province = bilingual("province")

    def headline_in(self, catalog: Catalog) -> tuple[str, ...]:
        """The headline indicators of the Overview's cards: `[overview] headline` (those in the
        catalog, in that order), else the catalog's own headline indicators. A new install
        whose settings.toml has no `[overview]` still shows its headline figures. Read the
        headline here, never from `headline`, so that every view lists the same indicators."""
        chosen = tuple(code for code in self.headline if code in catalog)
        return chosen or tuple(catalog.codes(("headline",)))

    @property
    def whole_country(self) -> bool:
        """Whether the home is the country (a national install): the pages then look at the
        provinces below it first, and at a province's communes from there."""
        return any(r.code == COUNTRY for r in self.province_units)

    def province_on(self, unit_list: str) -> RegionRef | None:
        """The province as a unit of `unit_list` (the home of every view on it), if configured."""
        return next((r for r in self.province_units if r.unit_list == unit_list), None)

    @property
    def access(self) -> AccessSettings:
        """How people sign in (`[access]`); defaults when the section is missing."""
        return AccessSettings.from_toml(self.extra.get("access", {}))

    @property
    def upload_limits(self) -> UploadLimits:
        """What one uploaded file may hold (`[uploads]` in settings.toml; `core.limits`)."""
        return UploadLimits.from_table(self.extra.get("uploads", {}))

    @property
    def max_upload_bytes(self) -> int:
        """Largest file an analyst may upload: `[uploads] max_mb` in settings.toml."""
        return self.upload_limits.max_bytes

    def boundary_file(self, unit_list: str) -> Path | None:
        """The boundary GeoJSON for a unit list (`[maps.boundaries]`), relative to the data
        folder; None without one (maps then show bubbles at unit centroids)."""
        name = self.extra.get("maps", {}).get("boundaries", {}).get(unit_list)
        return (self.data_dir / name) if name else None

    @property
    def boundary_code_property(self) -> str:
        """The feature property holding the unit code in boundary files (`[maps] code_property`)."""
        return str(self.extra.get("maps", {}).get("code_property", "code"))

    @property
    def socio_regions_file(self) -> Path:
        """The file grouping provinces into socio-economic regions: `[provinces] regions_file`,
        relative to the data folder; without it the data folder's socio_economic_regions.csv,
        or the bundled one when the folder has none (the grouping is national, not an
        install's own data)."""
        name = self.extra.get("provinces", {}).get("regions_file")
        if name:
            return self.data_dir / name
        own = self.data_dir / REGIONS_FILE
        return own if own.exists() else DEFAULT_DATA_DIR / REGIONS_FILE


def data_dir() -> Path:
    return Path(os.environ.get("INDICATORS_DATA_DIR", DEFAULT_DATA_DIR)).resolve()


def is_store_url(location: str | Path) -> bool:
    """Whether a store location is a PostgreSQL URL rather than a DuckDB file."""
    return isinstance(location, str) and location.startswith(STORE_URL_SCHEMES)


def mirror_path(url: str) -> Path:
    """This server's local copy of a shared store: INDICATORS_MIRROR, or a file in var/ named
    after the database (never after its password), so a restart reuses it."""
    if os.environ.get("INDICATORS_MIRROR"):
        return Path(os.environ["INDICATORS_MIRROR"]).resolve()
    name = hashlib.sha256(url.rsplit("@", 1)[-1].encode()).hexdigest()[:12]
    return DEFAULT_DB_PATH.with_name(f"mirror-{name}.duckdb")


def db_location() -> str | Path:
    """INDICATORS_DB: a PostgreSQL URL as written, or the DuckDB file's absolute path. Any
    other URL is refused (never taken as a folder to create, with a password in its name)."""
    raw = os.environ.get("INDICATORS_DB", "")
    if is_store_url(raw):
        return raw
    if "://" in raw:
        scheme = raw.split("://", 1)[0][:40]
        raise WordedError("store.unknown_scheme", scheme=scheme, known=", ".join(STORE_URL_SCHEMES))
    return Path(raw or DEFAULT_DB_PATH).resolve()


def duckdb_memory() -> str:
    """How much memory one DuckDB database may use (INDICATORS_DUCKDB_MEMORY, e.g. "1GB"):
    a national store of 10 M observations read with DuckDB's default (80% of the machine)
    took 2.6 GB for two pages. With 512 MB a server on PostgreSQL peaked at 1,026-1,048 MiB
    (its copy's reads fill the limit); with 384 MB at 957 MiB, its pages and filter changes no
    slower (`bench/national_speed.py`, stop 34). A process has two: the store it reads, and
    the small in-memory one `core.frames.sql` adds frames up in."""
    return os.environ.get("INDICATORS_DUCKDB_MEMORY", "384MB")


def db_path() -> Path:
    """The DuckDB file the pages read: the store itself, or the shared store's local copy."""
    location = db_location()
    return mirror_path(location) if isinstance(location, str) else location


def load_settings(folder: Path | None = None, db: str | Path | None = None) -> Settings:
    """The settings of the data folder `folder` with the store `db` (a DuckDB path or a
    PostgreSQL URL; default: the environment's)."""
    folder = Path(folder) if folder else data_dir()
    location = db if db is not None else db_location()
    url = location if is_store_url(location) else None
    raw = tomllib.loads((folder / "settings.toml").read_text(encoding="utf-8"))
    org, prov, overview = raw["organisation"], raw["province"], raw.get("overview", {})
    homes = tuple(RegionRef(u["unit_list"], str(u["code"])) for u in prov["units"])
    return Settings(
        data_dir=folder,
        db_path=mirror_path(url) if url else Path(location),
        org_vi=org["name_vi"],
        org_en=org["name_en"],
        province_vi=prov["name_vi"],
        province_en=prov["name_en"],
        province_units=homes,
        region_sources=_region_sources(raw.get("region_sources", []), homes),
        headline=tuple(overview.get("headline", [])),
        ranking_default=overview.get("ranking_default", ""),
        trend_default=overview.get("trend_default", ""),
        extra=raw,
        db_url=url,
    )


def _region_sources(
    raw: list[dict], homes: tuple[RegionRef, ...]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`[[region_sources]]` as (unit list, province codes). `"*"` (every province of the list)
    stands alone. Where the home is the country, its list's sources name `COUNTRY` too, so the
    unit lists are built with the country above its provinces (`geography.units`)."""
    sources: dict[str, tuple[str, ...]] = {}
    for s in raw:
        codes = tuple(str(c) for c in s["province_codes"])
        if ALL_PROVINCES in codes and len(codes) > 1:
            raise WordedError("national.all_alone", unit_list=s["unit_list"])
        sources[s["unit_list"]] = sources.get(s["unit_list"], ()) + codes
    for ref in homes:
        if ref.code == COUNTRY:
            sources[ref.unit_list] = (COUNTRY, *sources.get(ref.unit_list, ()))
    return tuple(sources.items())


@cache
def settings() -> Settings:
    """Settings of this process, from INDICATORS_DATA_DIR and INDICATORS_DB."""
    return load_settings()
