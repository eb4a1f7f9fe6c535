"""The exception tree. Every message names the offending value and says the fix.

    RetoldError                      exit code 1 (anything else that is the user's to fix)
    ├── InputError                   exit code 2: the input cannot be read as an article
    │   ├── InputNotFound            a path that does not exist
    │   ├── EmptyInput               nothing but whitespace
    │   ├── BinaryInput              looks like a binary file (NUL bytes, image, PDF, ...)
    │   ├── DecodeError              bytes that decode in no known encoding
    │   ├── InputTooLarge            over the size limit (``--max-bytes``)
    │   ├── NoArticle                an HTML page with no article text in it
    │   └── FetchError               a URL that could not be fetched
    ├── OptionError                  exit code 3: a flag or option value is wrong
    ├── StoreError                   exit code 4: the store file cannot be used
    └── MissingExtra                 exit code 5: an optional dependency is not installed

Exit code 0 is success; 130 is an interrupt (Ctrl-C).
"""

from __future__ import annotations


class RetoldError(Exception):
    """Base of every error retold raises on purpose."""

    exit_code = 1


class InputError(RetoldError):
    exit_code = 2


class InputNotFound(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class InputTooLarge(InputError):
    pass


class NoArticle(InputError):
    pass


class FetchError(InputError):
    pass


class OptionError(RetoldError):
    exit_code = 3


class StoreError(RetoldError):
    exit_code = 4


class MissingExtra(RetoldError):
    exit_code = 5

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        # Both ways of installing retold: into an environment that has retold (from the wheel
        # or an index), naming the extra adds only its packages; a clone installs from itself.
        super().__init__(
            f"{purpose} needs the optional package {package!r}; "
            f"install it with: pip install 'retold[{extra}]' "
            f"(in a clone of the repository: pip install -e '.[{extra}]')"
        )
        self.package = package
        self.extra = extra
