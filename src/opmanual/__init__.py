"""Thai operation manuals of education supervisors, generated from YAML: the model, the site, the books, the import."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("opmanual")
except PackageNotFoundError:  # run from a source folder that was never installed
    __version__ = "0+unknown"
