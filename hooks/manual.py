# The manual's MkDocs hooks live in the opmanual package; MkDocs needs this file to find them.
from opmanual.site.hooks import *  # noqa: F403
