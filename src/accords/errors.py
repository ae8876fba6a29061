"""The exceptions accords raises, each with a stable code users can search for.

    AccordsError            E000  base class
    ├── InputError          E1xx  a file could not be read as a source (the run goes on)
    ├── LanguageDataError   E200  a language pack is malformed
    ├── StoreError          E300  the store is unusable or of an unknown schema
    └── NotFound            E404  no agreement or entity with that id
"""

from __future__ import annotations


class AccordsError(Exception):
    code = "E000"

    def __str__(self) -> str:
        return f"{self.code}: {super().__str__()}"


class InputError(AccordsError):
    """A source that is refused: the message names the reason; the caller names the file."""

    code = "E100"

    def __init__(self, reason: str, code: str = "E100") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class LanguageDataError(AccordsError):
    code = "E200"


class StoreError(AccordsError):
    code = "E300"


class NotFound(AccordsError):
    code = "E404"
