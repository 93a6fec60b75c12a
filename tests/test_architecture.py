"""The shape of the code: no import cycles, models never import views or API modules, search knows
no content app, and every app imports only the layers below it (docs/DEVELOPING.md, README).

The imports are read with ``ast`` from the source, so the check needs no Django and sees what a
reader sees: ``import a.b``, ``from a import b`` (the module ``a.b`` when it exists) and relative
imports. Cycles count module-level imports only (those run when the module loads); the layer and
search rules count every import, also those inside functions, because a deferred import is still
a dependency."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["core", "search", "villages", "policies", "compliance", "training", "cms"]

# Lower number = lower layer. A module may import its own layer and the layers below it.
# ``search`` sits just above ``core``: content apps plug providers into it, it imports none of them.
LAYERS = {"core": 0, "search": 1, "villages": 2, "policies": 3, "compliance": 4, "training": 5, "cms": 6}
CONTENT_APPS = {"villages", "policies", "compliance", "training", "cms"}


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_modules(root, packages):
    """``{dotted name: (path, is_package)}`` for every .py file of ``packages`` under ``root``."""
    modules = {}
    for package in packages:
        for path in sorted((Path(root) / package).rglob("*.py")):
            modules[module_name(Path(root), path)] = (path, path.name == "__init__.py")
    return modules


def _is_type_checking(node):
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(node, module_level_only):
    """Import statements below ``node``; with ``module_level_only`` not those in function bodies
    (class bodies run at import time, so they count)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif module_level_only and isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        elif module_level_only and isinstance(child, ast.If) and _is_type_checking(child):
            continue
        else:
            yield from _import_nodes(child, module_level_only)


def _known(name, modules):
    """The module ``name`` names, or its longest prefix that is a project module (None: not ours)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(name, modules, module_level_only=True):
    """The project modules that module ``name`` imports."""
    path, is_package = modules[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in _import_nodes(tree, module_level_only):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            if node.level:
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                base = ".".join(filter(None, [base, node.module]))
            else:
                base = node.module
            # ``from pkg import module`` imports the module; ``from pkg import name`` the package.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                       for alias in node.names]
        for target in targets:
            known = _known(target, modules)
            if known and known != name:
                found.add(known)
    return found


def import_graph(modules, module_level_only=True):
    return {name: imports_of(name, modules, module_level_only) for name in modules}


def find_cycles(graph):
    """Every strongly connected group of two or more modules (Tarjan), each as a sorted list."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(start):
        # Iterative, so a deep chain of imports cannot hit the recursion limit.
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def _is_kind(name, kind):
    return kind in name.split(".")[1:]


def models_importing_views(graph):
    """``(models module, views/api module)`` pairs: models must not know how they are shown."""
    return sorted((name, target) for name, targets in graph.items() if _is_kind(name, "models")
                  for target in targets if _is_kind(target, "views") or _is_kind(target, "api"))


def layer_violations(graph, layers=LAYERS):
    """``(module, imported module)`` pairs where a lower layer imports a higher one."""
    found = []
    for name, targets in graph.items():
        own = layers.get(name.split(".")[0])
        for target in targets:
            other = layers.get(target.split(".")[0])
            if own is not None and other is not None and other > own:
                found.append((name, target))
    return sorted(found)


def search_importing_content(graph):
    return sorted((name, target) for name, targets in graph.items() if name.split(".")[0] == "search"
                  for target in targets if target.split(".")[0] in CONTENT_APPS)


# --- the project -----------------------------------------------------------------------------------

MODULES = find_modules(ROOT, PACKAGES)


def test_no_import_cycles():
    cycles = find_cycles(import_graph(MODULES))
    assert cycles == [], "import cycles (module-level imports):\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def test_models_never_import_views_or_api():
    assert models_importing_views(import_graph(MODULES, module_level_only=False)) == []


def test_search_imports_no_content_app():
    assert search_importing_content(import_graph(MODULES, module_level_only=False)) == []


def test_lower_layers_never_import_higher_ones():
    assert layer_violations(import_graph(MODULES, module_level_only=False)) == []


def test_the_checks_see_the_whole_project():
    # A wrong ROOT or package list would make every check above pass on nothing.
    assert {"core.clock", "villages.models", "search.registry", "compliance.models", "cms.urls"} <= set(MODULES)
    graph = import_graph(MODULES)
    assert "villages.models" in graph["villages.access"]


# --- the detector proves it can fail ---------------------------------------------------------------

def _plant(tmp_path, files):
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return find_modules(tmp_path, sorted({relative.split("/")[0] for relative in files}))


def test_detector_reports_a_planted_cycle(tmp_path):
    modules = _plant(tmp_path, {
        "app/__init__.py": "",
        "app/models.py": "from . import views\n",                      # relative import of a module
        "app/views.py": "from app.helpers import shown\n",             # absolute, from a module
        "app/helpers.py": "import app.models\n\ndef shown():\n    pass\n",
        "app/lazy.py": "def f():\n    from app import models\n",      # function level: no cycle
        "other/__init__.py": "",
        "other/a.py": "from other import b\n",                          # ``from pkg import module``
        "other/b.py": "if True:\n    from .a import thing\n",
    })
    graph = import_graph(modules)
    assert find_cycles(graph) == [["app.helpers", "app.models", "app.views"], ["other.a", "other.b"]]
    assert models_importing_views(graph) == [("app.models", "app.views")]
    assert "app.models" not in graph["app.lazy"]
    assert "app.models" in import_graph(modules, module_level_only=False)["app.lazy"]


def test_detector_reports_planted_layer_and_search_violations(tmp_path):
    modules = _plant(tmp_path, {
        "core/__init__.py": "",
        "core/util.py": "def f():\n    from villages.models import VillagePage\n",
        "search/__init__.py": "",
        "search/views.py": "from policies import status\n",
        "villages/__init__.py": "",
        "villages/models.py": "from core import util\n",
        "policies/__init__.py": "",
        "policies/status.py": "from villages import models\n",
    })
    graph = import_graph(modules, module_level_only=False)
    assert layer_violations(graph) == [("core.util", "villages.models"), ("search.views", "policies.status")]
    assert search_importing_content(graph) == [("search.views", "policies.status")]
    # core.util ↔ villages.models only through a function-level import: not a load-time cycle.
    assert find_cycles(import_graph(modules)) == []
