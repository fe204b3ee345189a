"""ORM queries built and compiled to SQL once, then run with new values.

Building a queryset with a few joins (`filter`, `values`) and compiling it costs Django several
times what running it costs on an indexed lookup. The learner pages run the same one or two such
queries on every request with only the learner and the course changing, so `CompiledValuesQuery`
builds the query once per database connection with stand-in values, finds where each stand-in went
in the SQL's parameters, and afterwards runs that SQL with the real values, converting the columns
exactly as the ORM would (the compiler's own converters: dates, times, UUIDs).

Only for `.values()` querysets whose parameters are the named values themselves (integers or
UUIDs): anything else (a parameter that is no stand-in, a stand-in that is not in the SQL) is
found when the query is first compiled, and the query then always runs through the ORM.
"""

import threading
import uuid

from django.db import connections

_INT_STAND_IN = -7_301_000_000_000


class CompiledValuesQuery:
    def __init__(self, build, **kinds):
        """`build(**values)` returns the `.values()` queryset; `kinds` names each value's type:
        `int` or `uuid.UUID`."""
        self.build, self.kinds = build, kinds
        self._local = threading.local()

    def rows(self, **values) -> list[dict]:
        """The queryset's rows for `values`, as `build(**values)` would give them."""
        compiled = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._local.compiled = self._compile()
        if compiled is False:
            return list(self.build(**values))
        alias, sql, slots, compiler, names, converters = compiled
        params = [prepare(values[name]) for name, prepare in slots]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _compile(self):
        stand_ins = {}
        for number, (name, kind) in enumerate(self.kinds.items()):
            stand_ins[name] = uuid.uuid4() if kind is uuid.UUID else _INT_STAND_IN - number
        queryset = self.build(**stand_ins)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        slots = []
        for param in params:
            found = [(name, prepare) for name, value in stand_ins.items()
                     for prepare in _preparations(value) if prepare(value) == param]
            if len(found) != 1:
                return False
            slots.append(found[0])
        if {name for name, _prepare in slots} != set(stand_ins):
            return False
        names = [alias for _expression, _sql, alias in compiler.select]
        if any(name is None for name in names):
            return False
        converters = compiler.get_converters([expression for expression, _sql, _alias in compiler.select])
        return queryset.db, sql, slots, compiler, names, converters


def _preparations(value):
    """The forms a value's SQL parameter can take: itself, or a UUID's hex (databases with no
    UUID type)."""
    if isinstance(value, uuid.UUID):
        return (_same, _hex)
    return (_same,)


def _same(value):
    return value


def _hex(value):
    return value.hex
