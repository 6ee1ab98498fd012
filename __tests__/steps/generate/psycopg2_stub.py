"""A stand-in for psycopg2.sql, enough for a generated hooks.py to be imported by the test harnesses
(run_hooks.py, run_adopt.py): SQL(...).format(Identifier(...)) gives plain text with the name quoted."""
import sys
import types


class Composed(str):
    def format(self, *args, **kwargs):
        return Composed(str.format(self, *[str(a) for a in args], **{k: str(v) for k, v in kwargs.items()}))


sql = types.ModuleType('psycopg2.sql')
sql.SQL = Composed
sql.Identifier = lambda name: '"%s"' % name
psycopg2 = types.ModuleType('psycopg2')
psycopg2.sql = sql
sys.modules['psycopg2'] = psycopg2
sys.modules['psycopg2.sql'] = sql
