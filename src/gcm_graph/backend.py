"""Where queries run: the embedded read-only Oxigraph store, or a remote SPARQL 1.1 endpoint.

The rest of the web app knows only :class:`Backend` (the repository pattern), so pages work the same in
front of either. ``select`` is for the app's own trusted queries (pages, visualisations); untrusted queries
from the public endpoint go through the time-limited worker pool instead.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path

import pyoxigraph

Row = dict[str, str]


class Backend(ABC):
    @abstractmethod
    def select(self, query: str) -> list[Row]:
        """Run a trusted SELECT; each row maps variable names to the lexical value of the bound term
        (IRIs as strings, literals as their lexical form); unbound variables are absent."""

    @abstractmethod
    def ask(self, query: str) -> bool:
        """Run a trusted ASK."""


class LocalBackend(Backend):
    """The embedded store, opened read-only (the server never writes; only a build does)."""

    def __init__(self, oxigraph_dir: Path) -> None:
        self.store = pyoxigraph.Store.read_only(str(oxigraph_dir))

    def select(self, query: str) -> list[Row]:
        solutions = self.store.query(query, use_default_graph_as_union=True)
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise TypeError("select() needs a SELECT query")
        variables = [variable.value for variable in solutions.variables]
        return [
            {name: term.value for name, term in zip(variables, solution, strict=True) if term is not None}
            for solution in solutions
        ]

    def ask(self, query: str) -> bool:
        result = self.store.query(query, use_default_graph_as_union=True)
        if not isinstance(result, pyoxigraph.QueryBoolean):
            raise TypeError("ask() needs an ASK query")
        return bool(result)
