"""The layout keeps its promises: imports point one way (docs/architecture.md), no
module imports another that imports it back, and modules and functions stay small."""

import ast

from tests.architecture import (
    ROOT,
    Import,
    all_imports,
    cycles,
    import_graph,
    imports_of,
    our_modules,
    violation,
)

MODULE_LINES = 500
FUNCTION_LINES = 60


def test_every_import_points_down_the_layers():
    modules = our_modules()
    broken = [
        f"{modules[imp.module].relative_to(ROOT)}:{imp.line} {why}"
        for imp in all_imports()
        if (why := violation(imp, modules))
    ]
    assert broken == [], "Imports across a forbidden boundary:\n" + "\n".join(broken)


def test_the_check_catches_an_import_up_the_layers_and_from_the_wiring():
    """The rules are not vacuous: a register module reaching into the archive (even
    lazily), or a story importing the models aggregator, is reported."""
    modules = our_modules()
    source = "def f():\n    from chapters.archive.consent import consent_of\n"
    (lazy,) = imports_of("chapters.register.chapter", source)
    assert lazy == Import("chapters.register.chapter", lazy.target, 2, True)
    assert violation(lazy, modules) == (
        "chapters.register may not import chapters.archive (a higher layer)"
    )
    (peer,) = imports_of("chapters.stories.models", "from chapters.events import ical\n")
    assert "a peer" in violation(peer, modules)
    (wiring,) = imports_of("chapters.stories.models", "from chapters.models import EventPage\n")
    assert "only wires packages together" in violation(wiring, modules)
    (home,) = imports_of("home.blocks", "from chapters.register.chapter import Chapter\n")
    assert violation(home, modules) == "home may not import chapters.register (a higher layer)"


def test_no_module_imports_one_that_imports_it_back():
    modules = our_modules()
    assert cycles(import_graph(all_imports(), modules)) == []
    # and the search for cycles finds one when there is one
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c"]]


def test_modules_and_functions_stay_small():
    too_long = []
    paths = list(our_modules().values()) + sorted((ROOT / "tests").rglob("*.py"))
    for path in paths:
        source = path.read_text()
        name = path.relative_to(ROOT)
        if (lines := len(source.splitlines())) > MODULE_LINES:
            too_long.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}() is {length} lines")
    assert too_long == [], "Split these:\n" + "\n".join(too_long)
