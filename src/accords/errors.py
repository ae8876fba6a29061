"""The exceptions accords raises, each with a stable code users can search for.

    AccordsError            E000  base class
    ├── InputError          E1xx  a file could not be read as a source (the run goes on)
    ├── LanguageDataError   E200  a language pack is malformed
    ├── StoreError          E3xx  the store cannot be used (the message names the file)
    │     E300 other  E301 disk full  E302 read-only  E303 damaged  E304 locked too long
    │     E305 cannot open  E306 not an accords store  E307 made by an earlier accords
    │     E308 no such store (exit 2)
    ├── OutputError         E310  an export would write over a file it must not (the store, an input)
    └── NotFound            E404  no agreement, source or entity with that id
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

    def __init__(self, message: str, code: str = "E300") -> None:
        super().__init__(message)
        self.code = code


class OutputError(AccordsError):
    code = "E310"


class NotFound(AccordsError):
    code = "E404"
