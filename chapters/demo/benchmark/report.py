"""The benchmark's tables, as text for the terminal and as Markdown for the README."""

from dataclasses import dataclass, field

# Our page and bakerydemo's like page, as the issue pairs them.
LIKE_PAGES = (
    ("Alliance home", "home"),
    ("chapter home", "home"),
    ("story index", "blog index"),
    ("story", "blog post"),
    ("event", "blog post"),
    ("archive entry", "blog post"),
    ("chapter search", "search"),
    ("network search", "search"),
)
COLUMNS = ("page", "req/s", "web ms", "db ms", "redis ms", "p50 ms", "p99 ms", "queries", "KB")


@dataclass
class Row:
    page: str
    kind: str
    rate: float
    web_ms: float  # CPU per request: gunicorn's master and workers
    db_ms: float  # CPU per request: the PostgreSQL cluster's processes
    redis_ms: float
    p50_ms: float
    p99_ms: float
    queries: int
    kb: float
    errors: int = 0

    def cells(self) -> list[str]:
        page = self.page + (f" ({self.errors} errors)" if self.errors else "")
        rate = f"{self.rate:.1f}" if self.rate < 10 else f"{self.rate:.0f}"
        return [page, rate, f"{self.web_ms:.1f}", f"{self.db_ms:.1f}",
                f"{self.redis_ms:.2f}", f"{self.p50_ms:.1f}", f"{self.p99_ms:.1f}",
                str(self.queries), f"{self.kb:.1f}"]  # fmt: skip


@dataclass
class Table:
    project: str
    size: str
    cached: bool
    note: str = ""
    rows: list[Row] = field(default_factory=list)

    @property
    def title(self) -> str:
        mode = "cached" if self.cached else "uncached"
        return f"{self.project} · {self.size} · {mode}" + (f" ({self.note})" if self.note else "")

    def row(self, page: str) -> Row | None:
        return next((row for row in self.rows if row.page.partition(" (")[0] == page), None)


def ratio_rows(ours: Table, theirs: Table) -> list[list[str]]:
    """CPU per request of each of our pages over bakerydemo's like page (web, then
    web + database): 0.33 is the issue's target, a third of theirs."""
    rows = []
    for mine, like in LIKE_PAGES:
        a, b = ours.row(mine), theirs.row(like)
        if a and b and b.web_ms and (b.web_ms + b.db_ms):
            rows.append([
                mine, f"{a.web_ms:.1f} + {a.db_ms:.1f}", like, f"{b.web_ms:.1f} + {b.db_ms:.1f}",
                f"{a.web_ms / b.web_ms:.2f}", f"{(a.web_ms + a.db_ms) / (b.web_ms + b.db_ms):.2f}",
            ])  # fmt: skip
    return rows


RATIO_COLUMNS = ("our page", "our CPU ms", "bakerydemo page", "its CPU ms", "web ×", "total ×")


def text_table(title: str, columns, rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(columns, *rows, strict=True)]

    def line(cells):
        first = f"{cells[0]:<{widths[0]}}"
        return "  ".join(
            [first, *(f"{c:>{w}}" for c, w in zip(cells[1:], widths[1:], strict=True))]
        )

    return "\n".join([title, line(columns), *(line(r) for r in rows)])


def markdown_table(title: str, columns, rows: list[list[str]]) -> str:
    head = "| " + " | ".join(columns) + " |"
    rule = "| " + " | ".join(["---"] + ["---:"] * (len(columns) - 1)) + " |"
    body = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([f"### {title}", "", head, rule, *body])


def render(tables: list[Table], bakery: Table | None, markdown: bool) -> str:
    make = markdown_table if markdown else text_table
    parts = [make(t.title, COLUMNS, [r.cells() for r in t.rows]) for t in tables]
    if bakery:
        for table in tables:
            if table.project != bakery.project and not table.cached:
                title = f"ours ÷ bakerydemo, CPU per request · {table.size}"
                parts.append(make(title, RATIO_COLUMNS, ratio_rows(table, bakery)))
    return "\n\n".join(parts) + "\n"
