"""Reads generated modules back for the tests: compiles every .py (builtin compile), lists string constants and
imports, and evaluates every manifest as a literal. Prints one JSON document."""
import ast
import json
import os
import sys

root = sys.argv[1]
out = {"errors": [], "strings": [], "imports": [], "names": [], "manifests": {}, "py": [], "unused": []}
for dirpath, _dirs, files in os.walk(root):
    for name in sorted(files):
        path = os.path.join(dirpath, name)
        if not name.endswith(".py"):
            continue
        rel = os.path.relpath(path, root)
        out["py"].append(rel)
        with open(path, encoding="utf-8") as f:
            source = f.read()
        try:
            compile(source, path, "exec")
        except SyntaxError as e:
            out["errors"].append(f"{rel}:{e.lineno}: {e.msg}")
            continue
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out["strings"].append(node.value)
            elif isinstance(node, ast.Import):
                out["imports"] += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                out["imports"].append(node.module or ".")
            elif isinstance(node, ast.Name):
                out["names"].append(node.id)
        # Names a module-level import binds that nothing in the file uses (__init__ files re-export).
        if name != "__init__.py":
            bound = {}
            for node in tree.body:
                if isinstance(node, ast.Import):
                    for a in node.names:
                        bound[a.asname or a.name.split(".")[0]] = a.name
                elif isinstance(node, ast.ImportFrom):
                    for a in node.names:
                        bound[a.asname or a.name] = a.name
            used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            out["unused"] += [f"{rel}: {full}" for b, full in sorted(bound.items()) if b not in used]
        if name == "__manifest__.py":
            with open(path, encoding="utf-8") as f:
                out["manifests"][os.path.dirname(rel)] = ast.literal_eval(f.read())
print(json.dumps(out))
