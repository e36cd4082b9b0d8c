"""A WSGI app that spends a known CPU time per request, for the benchmark's own test
(tests/platform/test_benchmark.py): whatever the machine's load, each request costs
the worker at least SPIN_SECONDS of CPU, so the benchmark's accounting has a floor."""

import time

SPIN_SECONDS = 0.005


def application(environ, start_response):
    start = time.process_time()
    while time.process_time() - start < SPIN_SECONDS:
        pass
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"spun"]
