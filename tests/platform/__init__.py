"""The Django project (network_site): settings, logging in, headers, routing by host, SEO, the
open-data API, operations, query budgets, the benchmark and the SQLite path."""
