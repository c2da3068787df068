"""Running one snippet file as a reader's interpreter would: as `__main__`, in a namespace a
block that continues it goes on in, with optimizer steps counted, and what it imports.

Its own module because these are the mechanics of one execution, apart from what the runner
(coursetools.runner) decides around them: which namespace, which models, what to keep.
"""

from __future__ import annotations

import ast
import contextlib
import sys
import types
from pathlib import Path


def imported_modules(path: Path) -> set[str]:
    """The top-level modules a snippet imports (`from peft import …` gives "peft")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def exec_as_main(path: Path, module: types.ModuleType):
    """Run `path` as `__main__` in `module`'s namespace, as runpy.run_path does, except that the
    namespace is kept: a block that continues this one runs in it, functions defined here included.

    Returns the value of the block's last statement when that is an expression, which is what a
    notebook (IPython) shows under the cell, and None otherwise."""
    tree = ast.parse(path.read_bytes(), str(path))
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    code = compile(tree, str(path), "exec")
    module.__dict__.update(
        __name__="__main__", __file__=str(path), __cached__=None, __doc__=None, __loader__=None, __package__=None
    )
    module.__dict__["__spec__"] = None
    main, argv0 = sys.modules.get("__main__"), sys.argv[0] if sys.argv else None
    sys.modules["__main__"] = module
    if sys.argv:
        sys.argv[0] = str(path)
    try:
        exec(code, module.__dict__)
        if last is not None:
            return eval(compile(ast.Expression(last.value), str(path), "eval"), module.__dict__)
        return None
    finally:
        if main is not None:
            sys.modules["__main__"] = main
        if sys.argv:
            sys.argv[0] = argv0


@contextlib.contextmanager
def counting_optimizer_steps(counter: list):
    """Appends to `counter` at every optimizer step while active: a run that trained prints what
    depends on more than the weights (SnippetRun.trained, coursetools.recording)."""
    from torch.optim.optimizer import register_optimizer_step_post_hook

    handle = register_optimizer_step_post_hook(lambda *args: counter.append(1))
    try:
        yield
    finally:
        handle.remove()
