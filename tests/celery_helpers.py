from contextlib import contextmanager

from kombu import pools

from lms.celery import app


@contextmanager
def use_broker(url):
    """Send tasks to `url` (not eagerly) inside the block, with fresh connection pools."""
    saved = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    app.conf.broker_url = url
    _reset_pools()
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        _reset_pools()


def _reset_pools():
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
