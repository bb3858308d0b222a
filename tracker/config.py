"""Code defaults; secrets and URLs come from instance/config.py or TRACKER_* variables."""

# SQLite in the instance folder (Flask-SQLAlchemy resolves the relative path there).
SQLALCHEMY_DATABASE_URI = "sqlite:///tracker.db"
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

# Interface languages; the first is the fallback.
LANGUAGES = ["en", "de", "zh"]
BABEL_DEFAULT_LOCALE = "en"
BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"

# Assets come from Bootstrap-Flask's package, never from a CDN.
BOOTSTRAP_SERVE_LOCAL = True
BOOTSTRAP_BTN_SIZE = "md"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
REMEMBER_COOKIE_HTTPONLY = True

# Memory-hard password hashing; only the test suite lowers it, to stay fast.
PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 (a hash method, not a password)

PER_PAGE = 25
DEFAULT_HOST = "Baoshan District Commerce Commission"

# Reminder e-mails (flask send-reminders): SMTP settings and the address links point to.
BASE_URL = "http://127.0.0.1:5000"
MAIL_SERVER = "localhost"
MAIL_PORT = 25
MAIL_USE_TLS = False
MAIL_USERNAME = None
MAIL_PASSWORD = None
MAIL_FROM = "tracker@localhost"
