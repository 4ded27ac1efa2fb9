"""Load a directory of knowledge entries (<topic>/<id>.yaml) and the topic vocabulary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.schema import Entry, SchemaError, parse_entry

PACKAGE_DIR = Path(__file__).parent
ENTRIES_DIR = PACKAGE_DIR / "entries"
TOPICS_FILE = PACKAGE_DIR / "kb-topics.yaml"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class LoadProblem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LoadError(ValueError):
    def __init__(self, problems: list[LoadProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadedEntry:
    entry: Entry
    path: Path


BROWSER = Path("browser")  # where problems of an entry written in the browser say they are


def as_loaded(entry: Entry) -> LoadedEntry:
    topic = entry.topics[0] if entry.topics else "unknown"
    return LoadedEntry(entry, BROWSER / topic / f"{entry.id}.yaml")


def merged(loaded: Sequence[LoadedEntry], edits: Sequence[Entry]) -> list[LoadedEntry]:
    """The directory's entries with the browser's versions in place of (or after) them."""
    mine = {e.id: as_loaded(e) for e in edits}
    out = [mine.pop(item.entry.id, item) for item in loaded]
    return out + list(mine.values())


def entry_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def read_entries(directory: Path) -> tuple[list[LoadedEntry], list[LoadProblem]]:
    """Every valid entry under `directory`, and a problem for each file that is not one."""
    loaded: list[LoadedEntry] = []
    problems: list[LoadProblem] = []
    if not directory.is_dir():
        return [], [LoadProblem(directory, "not a directory")]
    for path in entry_files(directory):
        try:
            with path.open(encoding="utf-8") as fh:
                data = yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader
            entry = parse_entry(data)
        except yaml.YAMLError as exc:
            problems.append(LoadProblem(path, f"invalid YAML: {exc}"))
            continue
        except SchemaError as exc:
            problems.extend(LoadProblem(path, message) for message in exc.problems)
            continue
        if entry.id != path.stem:
            problems.append(LoadProblem(path, f"id {entry.id!r} differs from the file name"))
        loaded.append(LoadedEntry(entry, path))
    return loaded, problems


def load_entries(directory: Path = ENTRIES_DIR, edits: Sequence[Entry] = ()) -> list[Entry]:
    """All entries under `directory` (with `edits` in place of theirs); raise LoadError naming each bad file."""
    loaded, problems = read_entries(directory)
    if problems:
        raise LoadError(problems)
    return [item.entry for item in merged(loaded, edits)]


def load_topics(path: Path = TOPICS_FILE) -> dict[str, str]:
    """Topic code -> Chinese name."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader
    return {str(t["code"]): str(t["name"]) for t in data["topics"]}
