"""The production entry point: `gunicorn -w 4 -b 127.0.0.1:8000 'tracker.wsgi:app'`.

Configuration comes from instance/config.py and TRACKER_* variables, as for every app the
factory makes.
"""

from tracker import create_app
from tracker.serving import settle_after_start

app = create_app()
settle_after_start()
