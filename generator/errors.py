"""The exception family: every error a user can act on is a DigestError."""


class DigestError(Exception):
    """An error the user can fix; the CLI prints it as `Error: …` and exits 1."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(DigestError):
    """The MkDocs configuration or the command's options are wrong."""


class BuildError(DigestError):
    """MkDocs could not build the generated pages."""


class StrictError(DigestError):
    """--strict was given and warnings were reported."""


class LockedError(DigestError):
    """Another digest command is writing the same site folders."""
