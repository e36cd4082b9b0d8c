"""A benchmark through HTTP: gunicorn on production settings, PostgreSQL, wrk.

`manage.py benchmark_network` runs it (`run.py`). The pieces: a PostgreSQL
cluster of its own, persisted under `var/benchmark/` so generated networks are
made once (`cluster.py`); gunicorn and Redis as child processes and the CPU
time of a process tree read from /proc (`processes.py`); wrk and its report
(`wrk.py`); what runs inside the benchmarked project's Django to load data,
find one page of each type and count its queries (`inside.py`); Wagtail's
bakerydemo beside us (`bakery.py`); the tables (`report.py`).
"""
