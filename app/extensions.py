"""Flask extensions, created without an app and initialised in the factory."""

from flask_babel import Babel
from flask_compress import Compress
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
babel = Babel()
compress = Compress()
