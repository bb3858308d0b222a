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

# Reverse proxies in front of the app that add X-Forwarded-For/-Proto/-Host (nginx, Caddy: 1).
# 0 ignores those headers, as any client can send them; more than the real number of proxies
# lets clients choose their address, dodging the login limits and the security log.
TRUSTED_PROXIES = 0

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Set TRACKER_SESSION_COOKIE_SECURE=true behind HTTPS (production); it also turns on HSTS.
SESSION_COOKIE_SECURE = False
# A session ends after this long without a request, and in any case this long after login.
SESSION_IDLE_MINUTES = 60
SESSION_ABSOLUTE_HOURS = 10
PERMANENT_SESSION_LIFETIME = 10 * 3600  # seconds; the cookie's own expiry, same as absolute
# The cookie is sent again only when the session changes (its seen_at moves at most every 30 s:
# tracker.sessions), not signed afresh on every request.
SESSION_REFRESH_EACH_REQUEST = False

# Scripts only from this app (no inline script); inline style attributes are allowed for
# server-drawn SVG charts, which carry no script.
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

# Initial and reset passwords are temporary: they expire, and must be changed at first login.
TEMPORARY_PASSWORD_HOURS = 72
# Roles that must use two-step login (TOTP): they enrol right after their first password step.
# [] makes it optional for everyone.
TOTP_REQUIRED_ROLES: list[str] = ["manager", "admin"]
TOTP_ISSUER = "Tracker"

# Login attempts allowed before a pause (tracker.auth.attempts), each spent before its password
# or code is checked. The counters live in the limiter's storage: memory suits one process; with
# several workers or hosts use Redis (RATELIMIT_STORAGE_URI = "redis://127.0.0.1:6379"), or
# every process counts on its own.
RATELIMIT_STORAGE_URI = "memory://"
RATELIMIT_HEADERS_ENABLED = True
LOGIN_LIMIT_PER_ADDRESS = "20 per 10 minutes"
LOGIN_LIMIT_PER_ACCOUNT = "5 per 15 minutes"
# A browser that logged in to an account before carries a device cookie for it: its attempts on
# that account spend this budget of its own instead, so strangers cannot lock the owner out.
LOGIN_LIMIT_PER_DEVICE = "5 per 15 minutes"
DEVICE_COOKIE_DAYS = 365

# Memory-hard password hashing; only the test suite lowers it, to stay fast.
PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 (a hash method, not a password)

PER_PAGE = 25

# The report's, the board's and the dashboard's figures are kept until the data behind them
# changes (tracker.datacache), at most this long: some figures move with the clock alone. A change
# made anywhere shows at once in every process; SimpleCache keeps the entries per process, Redis
# (CACHE_TYPE = "RedisCache", CACHE_REDIS_URL = "redis://...") would share them.
CACHE_TYPE = "SimpleCache"
CACHE_DEFAULT_TIMEOUT = 300
# Deleted records stay restorable this long; `flask purge-deleted` then removes them for good.
DELETED_RETENTION_DAYS = 30
DEFAULT_HOST = "Baoshan District Commerce Commission"
# The letterhead of printed reports: the commission's name (None: "District Commerce
# Commission" in the reader's language) and a logo, a path to an image under instance/ or
# static/ (e.g. "instance/logo.png"), served by the app; never a URL. None: no logo.
COMMISSION_NAME: str | None = None
COMMISSION_LOGO: str | None = None

# Reminder e-mails (flask send-reminders): SMTP settings and the address links point to.
BASE_URL = "http://127.0.0.1:5000"
MAIL_SERVER = "localhost"
MAIL_PORT = 25
MAIL_USE_TLS = False
MAIL_USERNAME = None
MAIL_PASSWORD = None
MAIL_FROM = "tracker@localhost"

# Member-list imports (CSV/XLSX): the largest file and the most data rows accepted.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_MAX_ROWS = 2000
# An agreement's stored document (PDF or image, tracker.projects.documents): the largest file.
AGREEMENT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# Any request body; a little above the largest upload so an oversized file still gets its
# form's own message, and anything far larger is refused with 413 before it is read. Raise it
# with IMPORT_MAX_BYTES or AGREEMENT_DOCUMENT_MAX_BYTES.
MAX_CONTENT_LENGTH = max(IMPORT_MAX_BYTES, AGREEMENT_DOCUMENT_MAX_BYTES) + 1024 * 1024

# The JSON API (tracker.api, docs/api.md). flask-smorest reads the API_* and OPENAPI_* keys.
API_TITLE = "Tracker API"
API_VERSION = "v1"
OPENAPI_VERSION = "3.1.0"
OPENAPI_URL_PREFIX = "/api/v1"
OPENAPI_JSON_PATH = "openapi.json"
# Requests per token (tracker.api.setup); the storage is the login limits' (RATELIMIT_*).
API_RATE_LIMIT = "600 per minute"
# Origins whose pages may call the API from a browser (CORS), e.g. ["https://bi.example.org"];
# empty: no CORS headers at all, so browsers keep other sites' pages out.
API_CORS_ORIGINS: list[str] = []
API_PAGE_SIZE = 50
API_MAX_PAGE_SIZE = 200
# Outgoing webhooks (docs/webhooks.md). Deliveries wait in the database; `flask deliver-webhooks
# --loop` sends them, or, for `make run` and single-process setups, a background thread of the
# app itself when WEBHOOK_WORKER is on (started by the first request; never under tests).
WEBHOOK_WORKER = False
WEBHOOK_POLL_SECONDS = 10
WEBHOOK_TIMEOUT = 5  # seconds a receiver has to connect and answer (per network step)
# The waits after each failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; then failed.
WEBHOOK_RETRY_DELAYS = [60, 300, 1800, 7200, 43200]
WEBHOOK_MAX_ATTEMPTS = 6
# A claimed delivery is due again after this long if its worker died mid-send.
WEBHOOK_LEASE_SECONDS = 120
WEBHOOK_BATCH_SIZE = 20
