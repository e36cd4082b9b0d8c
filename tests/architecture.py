"""The import rules of docs/architecture.md, read from the source (no import runs).

Every module of ours belongs to one package; packages sit in layers, and a module
may import only from its own package or a lower layer. Imports inside functions
count: a lazy import is still a dependency.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("network_site", "home", "chapters", "search")

# Low to high. Packages in one layer are peers: they may not import each other.
LAYERS = (
    ("network_site.storage",),
    ("home",),
    ("chapters.register",),
    ("chapters.content",),
    ("chapters.stories", "chapters.events"),
    ("chapters.archive",),
    ("chapters.site", "chapters.supporters", "chapters.registrations"),
    ("chapters.network",),
    ("chapters.files",),
    ("chapters.lifecycle",),
    ("chapters.admin",),
    ("chapters.demo",),
    # Wiring: what Django and Wagtail look up by name (app config, the models
    # module, template tags, commands, hooks) and the project's routes and settings.
    ("chapters.wiring", "search"),
    ("network_site",),
)
# Modules Django or Wagtail import by name; they connect the packages and may use any.
WIRING = ("chapters", "chapters.apps", "chapters.models", "chapters.wagtail_hooks")
WIRING_TREES = ("chapters.templatetags", "chapters.management")


def package_of(module: str) -> str:
    """The package a module belongs to: the longest name in LAYERS it starts with."""
    if module in WIRING or any(module.startswith(w) for w in WIRING_TREES):
        return "chapters.wiring"
    names = [name for layer in LAYERS for name in layer]
    owners = [n for n in names if module == n or module.startswith(n + ".")]
    if not owners:
        raise ValueError(f"{module} is in no package of docs/architecture.md")
    return max(owners, key=len)


def layer_of(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the module (or package) imported
    line: int
    lazy: bool  # inside a function or class body


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def imports_of(module: str, source: str, is_package: bool = False) -> list[Import]:
    """Every import of one of our apps in a module's source, with relative ones resolved."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if is_package else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            # `from chapters.archive import consent` imports the module chapters.archive.consent.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] in APPS:
                found.append(Import(module, target, node.lineno, node.col_offset > 0))
    return found


def all_imports() -> list[Import]:
    found = []
    for module, path in our_modules().items():
        found += imports_of(module, path.read_text(), path.name == "__init__.py")
    return found


def resolve(target: str, modules) -> str:
    """The module an imported name lives in (a name imported from a module is that module)."""
    while target not in modules and "." in target:
        target = target.rpartition(".")[0]
    return target


def violation(imp: Import, modules) -> str | None:
    """Why an import breaks the rules, or None."""
    target = resolve(imp.target, modules)
    source, wanted = package_of(imp.module), package_of(target)
    if source == wanted:
        return None
    if wanted == "chapters.wiring":
        return f"imports {target}, which only wires packages together; import the defining module"
    if layer_of(wanted) >= layer_of(source):
        how = "a peer" if layer_of(wanted) == layer_of(source) else "a higher layer"
        return f"{source} may not import {wanted} ({how})"
    return None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in edges.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def import_graph(imports, modules) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        target = resolve(imp.target, modules)
        if target != imp.module and target in modules:
            edges.setdefault(imp.module, set()).add(target)
    return edges
