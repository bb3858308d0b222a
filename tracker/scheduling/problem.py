"""The solver's input and output: plain dataclasses, no database (tracker.scheduling.solver).

Time is a list of slots (the session's days without the breaks); a block is the set of slot
indices a person, table or interpreter cannot take. Ids are the records' ids, in separate spaces
for people, tables and interpreters.
"""

from dataclasses import dataclass, field

PRIORITIES = ("must", "should", "could")


@dataclass(frozen=True)
class Slot:
    """One slot: its day (index into the session's days), its start in minutes since that
    day's midnight, and a label for reasons ("12 May 10:20")."""

    day: int
    start: int
    label: str = ""


@dataclass(frozen=True)
class Person:
    """A participant: the languages they speak (empty: unknown, taken as no constraint)."""

    id: int
    name: str
    languages: frozenset[str] = frozenset()
    blocked: frozenset[int] = frozenset()
    visitor: bool = True


@dataclass(frozen=True)
class Table:
    """A room or table with its seats."""

    id: int
    name: str
    capacity: int
    blocked: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Interpreter:
    """An interpreter and the pairs they bridge, each pair a frozenset of two codes."""

    id: int
    name: str
    pairs: frozenset[frozenset[str]]
    blocked: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Placement:
    """Where a talk goes: a slot index, a table id, an interpreter id or None."""

    slot: int
    table: int
    interpreter: int | None = None


@dataclass(frozen=True)
class Request:
    """A talk asked for. fixed: locked or held, it stays there; hint: its current place, which
    the solver starts from so that a re-solve moves little."""

    id: int
    title: str
    priority: str
    visitors: tuple[int, ...]
    partners: tuple[int, ...]
    fixed: Placement | None = None
    hint: Placement | None = None

    @property
    def people(self) -> tuple[int, ...]:
        return self.visitors + self.partners


@dataclass(frozen=True)
class Problem:
    """A session to lay out."""

    slots: tuple[Slot, ...]
    people: tuple[Person, ...]
    tables: tuple[Table, ...]
    interpreters: tuple[Interpreter, ...]
    requests: tuple[Request, ...]
    max_per_day: int = 8
    time_limit: float = 10.0
    workers: int = 2


@dataclass(frozen=True)
class Reason:
    """Why a request was left out: a code (tracker.scheduling.reasons words it) and its
    values (names, a language pair, a number)."""

    code: str
    values: dict = field(default_factory=dict)


@dataclass
class Result:
    """The placements by request id (the fixed ones too), the reasons for the rest, and the
    solver's figures: the placement objective, its best bound, the relative gap, wall seconds."""

    placements: dict[int, Placement]
    unplaced: dict[int, Reason]
    status: str
    objective: int
    bound: int
    wall_time: float
    gaps: int = 0  # visitors' idle gaps left in the layout
    room_changes: int = 0
    needs_interpreter: frozenset[int] = frozenset()

    @property
    def gap(self) -> float:
        """(bound - objective) / bound: 0 when the placement is proven best."""
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.objective) / self.bound)
