"""gunicorn settings for production: `gunicorn -c mesoinfo/gunicorn.conf.py`."""

import os

wsgi_app = "mesoinfo.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
timeout = 30
# The access log would carry query strings; leave it off and rely on the app's own logs.
accesslog = None
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
