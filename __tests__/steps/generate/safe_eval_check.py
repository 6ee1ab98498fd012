"""Reads every ir.actions.server and ir.cron record of generated data files and checks its code the
way Odoo's safe_eval does when the module installs (odoo/tools/safe_eval.py: test_python_expr in
exec mode): the opcodes Odoo never allows, and names holding "__". Prints a JSON list of problems.
With --snippets, checks a JSON list of code snippets read from stdin instead."""
import dis
import json
import os
import sys
import xml.etree.ElementTree as ET

# _BLACKLIST, plus opcodes missing from _SAFE_OPCODES that code could produce (with, class).
FORBIDDEN = {
    'IMPORT_STAR', 'IMPORT_NAME', 'IMPORT_FROM', 'STORE_ATTR', 'DELETE_ATTR', 'STORE_GLOBAL', 'DELETE_GLOBAL',
    'BEFORE_WITH', 'SETUP_WITH', 'LOAD_BUILD_CLASS',
}


def problems_of(code):
    try:
        top = compile(code, '', 'exec')
    except SyntaxError as e:
        return ['SyntaxError: %s' % e.msg]
    out = []
    stack = [top]
    while stack:
        co = stack.pop()
        for ins in dis.get_instructions(co):
            if ins.opname in FORBIDDEN:
                out.append('forbidden opcode %s' % ins.opname)
        out.extend('forbidden name %s' % n for n in co.co_names if '__' in n)
        stack.extend(c for c in co.co_consts if hasattr(c, 'co_code'))
    return out


def main(root):
    found = []
    for dirpath, _dirs, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith('.xml'):
                continue
            path = os.path.join(dirpath, name)
            for rec in ET.parse(path).getroot().iter('record'):
                if rec.get('model') not in ('ir.actions.server', 'ir.cron'):
                    continue
                code = next((f.text or '' for f in rec.findall('field') if f.get('name') == 'code'), None)
                if code is None:
                    continue
                for p in problems_of(code.strip()):
                    found.append('%s: %s %s: %s' % (os.path.relpath(path, root), rec.get('model'), rec.get('id'), p))
    print(json.dumps(found))


if sys.argv[1] == '--snippets':
    # A JSON list of code snippets on stdin: the problems of each.
    print(json.dumps([problems_of(c) for c in json.load(sys.stdin)]))
else:
    main(sys.argv[1])
