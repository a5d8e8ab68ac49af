"""gunicorn settings for production: `gunicorn -c mesoinfo/gunicorn.conf.py`."""

import gc
import os

wsgi_app = "mesoinfo.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
timeout = 30
# The access log would carry query strings; leave it off and rely on the app's own logs.
accesslog = None
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# A worker's long-lived objects (Django, the URL patterns, templates, keyword indexes:
# about 90,000) are moved out of the garbage collector's reach once loaded and again once
# warm. Otherwise every full collection walks them all and holds up a request for 60 to
# 120 ms on two cores, which was most of the questionnaire POST's p99.
WARM_AFTER_REQUESTS = 300


def set_aside_long_lived_objects():
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    set_aside_long_lived_objects()


def post_request(worker, req, environ, resp):
    if worker.nr == WARM_AFTER_REQUESTS:
        set_aside_long_lived_objects()
