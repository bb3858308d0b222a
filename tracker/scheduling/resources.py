"""What the solver and the reasons both need: who is in each request, which languages bridge
its sides, which tables and interpreters fit it, and who is taken at which slot."""

from collections import Counter
from dataclasses import dataclass, field

from tracker.scheduling.problem import Interpreter, Person, Placement, Problem, Request


def side_languages(people: list[Person]) -> frozenset[str] | None:
    """The languages a whole side speaks; None when nobody's are known (no constraint). A side
    sharing none speaks whatever any of them speaks (one of them will carry it)."""
    known = [p.languages for p in people if p.languages]
    if not known:
        return None
    return frozenset.intersection(*known) or frozenset.union(*known)


def bridge_pairs(visitors: list[Person], partners: list[Person]) -> frozenset | None:
    """None when the sides share a language (or one side's is unknown); else the language
    pairs an interpreter could bridge them with."""
    ours, theirs = side_languages(visitors), side_languages(partners)
    if ours is None or theirs is None or ours & theirs:
        return None
    return frozenset(frozenset((a, b)) for a in ours for b in theirs)


@dataclass
class Resources:
    """The problem indexed: people, tables, interpreters, and per request its needs."""

    problem: Problem
    people: dict[int, Person]
    requests: dict[int, Request]
    pairs: dict[int, frozenset]  # request id: the bridging pairs, for those needing one
    qualified: dict[int, list[Interpreter]]
    size: dict[int, int]  # seats a request takes, its interpreter included

    @classmethod
    def of(cls, problem: Problem) -> "Resources":
        people = {p.id: p for p in problem.people}
        pairs, qualified, size = {}, {}, {}
        for r in problem.requests:
            bridge = bridge_pairs(
                [people[i] for i in r.visitors if i in people],
                [people[i] for i in r.partners if i in people],
            )
            if bridge is not None:
                pairs[r.id] = bridge
                qualified[r.id] = [i for i in problem.interpreters if i.pairs & bridge]
            size[r.id] = len(set(r.people)) + (1 if bridge is not None else 0)
        requests = {r.id: r for r in problem.requests}
        return cls(problem, people, requests, pairs, qualified, size)

    @property
    def needs_interpreter(self) -> set[int]:
        return set(self.pairs)

    @property
    def free_requests(self) -> list[Request]:
        return [r for r in self.problem.requests if r.fixed is None]

    @property
    def visitor_ids(self) -> list[int]:
        return sorted({v for r in self.problem.requests for v in r.visitors})

    @property
    def table_ids(self) -> list[int]:
        return [t.id for t in self.problem.tables]

    def blocked(self, person_id: int, slot: int) -> bool:
        person = self.people.get(person_id)
        return person is not None and slot in person.blocked

    def candidates(self, request: Request, occupied: "Occupancy") -> list[tuple]:
        """Each slot where the request could go given blocks and fixed talks: (slot, tables,
        interpreters) with the tables of enough seats and the qualified interpreters free."""
        if not request.people:
            return []
        places = []
        for slot, info in enumerate(self.problem.slots):
            if any(
                self.blocked(p, slot)
                or occupied.busy_at(p, slot)
                or occupied.day_count[p, info.day] >= self.problem.max_per_day
                for p in request.people
            ):
                continue
            tables = [
                t.id
                for t in self.problem.tables
                if t.capacity >= self.size[request.id]
                and slot not in t.blocked
                and (t.id, slot) not in occupied.tables
            ]
            interpreters = [
                i.id
                for i in self.qualified.get(request.id, [])
                if slot not in i.blocked and (i.id, slot) not in occupied.interpreters
            ]
            if tables and (interpreters or request.id not in self.pairs):
                places.append((slot, tables, interpreters))
        return places


@dataclass
class Occupancy:
    """Who and what is taken at which slot, and the talks placed so far."""

    people: dict = field(default_factory=dict)  # (person, slot): table
    tables: set = field(default_factory=set)  # (table, slot)
    interpreters: set = field(default_factory=set)  # (interpreter, slot)
    day_count: Counter = field(default_factory=Counter)  # (person, day)
    placements: dict[int, Placement] = field(default_factory=dict)

    @classmethod
    def of_fixed(cls, problem: Problem, res: Resources) -> "Occupancy":
        """The locked and held talks, where they are (even if they now clash: people chose)."""
        occupied = cls()
        for r in problem.requests:
            if r.fixed is not None:
                occupied.take(r, r.fixed, problem)
        return occupied

    def take(self, request: Request, place: Placement, problem: Problem) -> None:
        self.placements[request.id] = place
        for person in set(request.people):
            self.people[person, place.slot] = place.table
            self.day_count[person, problem.slots[place.slot].day] += 1
        self.tables.add((place.table, place.slot))
        if place.interpreter is not None:
            self.interpreters.add((place.interpreter, place.slot))

    def busy_at(self, person: int, slot: int) -> int:
        return 1 if (person, slot) in self.people else 0

    def at(self, person: int, slot: int, table: int) -> int:
        return 1 if self.people.get((person, slot)) == table else 0
