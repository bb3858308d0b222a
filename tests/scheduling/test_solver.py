"""The solver on small sessions: no double booking, fixed talks stay, must before should,
interpreters where the sides share no language, and a reason for each request left out."""

from tests.scheduling.builders import DE_ZH, EN_ZH, day, interpreter, person, problem, request
from tests.scheduling.checks import assert_valid
from tracker.scheduling.problem import Placement, Table
from tracker.scheduling.solver import priority_weights, solve


def test_a_person_with_three_talks_gets_three_slots():
    requests = [request(i, [1], [10 + i]) for i in range(1, 4)]
    result = solve(problem(requests, slots=day(3)))
    assert_valid(problem(requests, slots=day(3)), result)
    assert sorted(p.slot for p in result.placements.values()) == [0, 1, 2]


def test_a_table_holds_one_talk_at_a_time():
    requests = [request(i, [i], [10 + i]) for i in range(1, 4)]
    given = problem(requests, slots=day(1), tables=(Table(1, "T1", 4),))
    result = solve(given)
    assert_valid(given, result)
    assert len(result.placements) == 1
    assert {r.code for r in result.unplaced.values()} == {"tables_full"}


def test_must_is_placed_before_any_number_of_shoulds():
    # Person 1 has one slot: either the must or the two shoulds' worth of person 1's time.
    requests = [request(1, [1], [2], "should"), request(2, [1], [3], "should"),
                request(3, [1], [4], "must")]  # fmt: skip
    result = solve(problem(requests, slots=day(1)))
    assert list(result.placements) == [3]


def test_weights_put_one_must_above_all_others():
    priorities = ["must"] + ["should"] * 5 + ["could"] * 7
    requests = tuple(request(i, [i], [100], p) for i, p in enumerate(priorities))
    weights = priority_weights(requests)
    assert weights["must"] > 5 * weights["should"] + 7 * weights["could"]
    assert weights["should"] > 7 * weights["could"]


def test_locked_talk_stays_and_others_go_around_it():
    locked = request(1, [1], [2], fixed=Placement(1, 2))
    other = request(2, [1], [3])
    given = problem([locked, other], slots=day(2))
    result = solve(given)
    assert_valid(given, result)
    assert result.placements[1] == Placement(1, 2)
    assert result.placements[2].slot == 0


def test_a_resolve_keeps_fixed_talks_even_when_they_clash():
    a = request(1, [1], [2], fixed=Placement(0, 1))
    b = request(2, [1], [3], fixed=Placement(0, 1))
    given = problem([a, b, request(3, [1], [4])], slots=day(2))
    result = solve(given)
    assert result.placements[1] == result.placements[2] == Placement(0, 1)
    assert result.placements[3].slot == 1


def test_german_and_chinese_sides_get_a_german_chinese_interpreter():
    people = [person(1, "de"), person(2, "zh", visitor=False)]
    interpreters = [interpreter(7, EN_ZH), interpreter(8, DE_ZH)]
    given = problem([request(1, [1], [2])], people, interpreters=interpreters)
    result = solve(given)
    assert result.placements[1].interpreter == 8


def test_sides_sharing_english_need_no_interpreter():
    people = [person(1, "de en"), person(2, "zh en", visitor=False)]
    result = solve(problem([request(1, [1], [2])], people))
    assert result.placements[1].interpreter is None


def test_no_interpreter_for_the_pair_is_the_reason():
    people = [person(1, "de"), person(2, "zh", visitor=False)]
    result = solve(problem([request(1, [1], [2])], people, interpreters=[interpreter(7, EN_ZH)]))
    assert result.unplaced[1].code == "no_interpreter_pair"
    assert result.unplaced[1].values["pair"] == ["de", "zh"]


def test_interpreter_blocked_whenever_the_sides_are_free_is_the_reason():
    people = [person(1, "de", blocked=[0]), person(2, "zh", visitor=False)]
    given = problem([request(1, [1], [2])], people, slots=day(2),
                    interpreters=[interpreter(8, DE_ZH, blocked=[1])])  # fmt: skip
    assert solve(given).unplaced[1].code == "no_interpreter_free"


def test_no_common_free_slot_names_both_sides():
    people = [person(1, blocked=[0]), person(2, blocked=[1], visitor=False)]
    result = solve(problem([request(1, [1], [2])], people, slots=day(2)))
    assert result.unplaced[1].code == "no_common_slot"
    assert result.unplaced[1].values["names"] == ["P1", "P2"]


def test_too_few_seats_is_the_reason():
    given = problem([request(1, [1, 2, 3], [4, 5])], tables=(Table(1, "T1", 4),))
    assert solve(given).unplaced[1].code == "no_table_seats"


def test_the_day_limit_is_the_reason_once_reached():
    requests = [request(i, [1], [10 + i]) for i in range(1, 4)]
    given = problem(requests, slots=day(4), max_per_day=2)
    result = solve(given)
    assert_valid(given, result)
    assert len(result.placements) == 2
    (reason,) = result.unplaced.values()
    assert reason.code == "max_per_day" and reason.values == {"names": ["P1"], "count": 2}


def test_busy_participants_are_the_reason():
    requests = [request(1, [1], [2], "must"), request(2, [1], [3], "could")]
    result = solve(problem(requests, slots=day(1)))
    assert result.unplaced[2].code == "participants_busy"


def test_visitors_get_talks_back_to_back_at_one_table():
    requests = [request(i, [1], [10 + i]) for i in range(1, 4)]
    given = problem(requests, slots=day(6), tables=tuple(Table(t, f"T{t}", 4) for t in (1, 2, 3)))
    result = solve(given)
    slots = sorted(p.slot for p in result.placements.values())
    assert slots == list(range(slots[0], slots[0] + 3))
    assert result.gaps == 0 and result.room_changes == 0


def test_the_figures_are_reported():
    result = solve(problem([request(1, [1], [2], "must")]))
    assert result.objective == result.bound > 0
    assert result.gap == 0 and result.status == "OPTIMAL" and result.wall_time < 5
