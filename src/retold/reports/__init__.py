"""Reports render model objects and never compute: terminal (rich), JSON, HTML."""

FORMATS = ("terminal", "text", "json", "html")
