"""What kind of criterion each eligibility item is, and which answers and outcomes follow from it.

The checklist data (registry/checklists/data/eligibility_*.toml) gives every item a ``criterion``:

* ``binding`` – a cumulative condition of the law or of the municipality's adopted rules («skal», «kan ikke
  ydes»). Two answers only: met or not met. Anything but "met" bars an eligible outcome.
* ``discretionary`` – an assessment against the municipality's own rules that leaves room for judgement. All
  five answers; "not met" and "information missing" bar an eligible outcome when the item is ``blocking``.
* ``worship_exception`` – folkeoplysningsloven § 33, stk. 4: met, partly met (some activities are kept out of
  the grant) or not met. It concerns the grant only.
* ``special_reasons`` – the Swedish "särskilda skäl" exception, answered applies / does not apply / not relevant.

A Swedish item built on a ground of the state democracy condition names that ground (``municipal_ground``): it
bars eligibility only where the municipality has confirmed that its own rules contain the ground.
"""

from collections.abc import Mapping

from registry.screening.choices import GROUNDS

BINDING = "binding"
DISCRETIONARY = "discretionary"
WORSHIP_EXCEPTION = "worship_exception"
SPECIAL_REASONS = "special_reasons"
CRITERIA = (BINDING, DISCRETIONARY, WORSHIP_EXCEPTION, SPECIAL_REASONS)

ANSWERS = {
    BINDING: ("met", "not_met"),
    DISCRETIONARY: ("met", "partly_met", "not_met", "not_relevant", "information_missing"),
    WORSHIP_EXCEPTION: ("met", "partly_met", "not_met"),
    SPECIAL_REASONS: ("applies", "does_not_apply", "not_relevant"),
}
#: Answers of a discretionary blocking item that bar eligibility.
NEGATIVE = ("not_met", "information_missing")

#: The grounds a Swedish municipality's own rules may contain, as the items name them.
MUNICIPAL_GROUNDS = tuple(GROUNDS.keys)
#: Groups whose failures the "särskilda skäl" exception can outweigh.
EXCEPTION_COVERS = ("demokrativillkor",)
OUTCOME_KINDS = ("grant", "premises")

# Version 1 of the eligibility templates predates the criterion field; cases opened on it keep that version,
# and the law applies to the decisions still made on them. These are the facts version 1 left implicit.
_V1_WORSHIP = "fol33_no_worship_grants"
_V1_GROUNDS = {
    "se_dv_no_violence_coercion_threats": "violence", "se_dv_no_discrimination": "discrimination",
    "se_dv_no_defending_promoting_inciting": "promoting", "se_dv_no_counteracting_democracy": "counteracting_democracy",
    "se_special_reasons": "special_reasons",
}


def criterion_of(item: Mapping) -> str:
    """The item's criterion as its data states it (version 1 items: inferred as the law reads)."""
    stated = item.get("criterion")
    if stated:
        return stated
    if item.get("answer_type") == "exception":
        return SPECIAL_REASONS
    if item["key"] == _V1_WORSHIP:
        return WORSHIP_EXCEPTION
    if item.get("blocking") and item.get("group") != "registration":
        return BINDING
    return DISCRETIONARY


def ground_of(item: Mapping) -> str | None:
    """The Swedish municipal ground the item is built on, if any."""
    return item.get("municipal_ground") or _V1_GROUNDS.get(item["key"])


def answers_for(item: Mapping) -> tuple[str, ...]:
    """The answers an officer may give to the item."""
    return ANSWERS[criterion_of(item)]


def concerns(item: Mapping) -> tuple[str, ...]:
    """What the item is a condition of: the grant, premises, or both (§ 33, stk. 4 speaks of grants only)."""
    if item.get("concerns"):
        return tuple(item["concerns"])
    return ("grant",) if criterion_of(item) == WORSHIP_EXCEPTION else OUTCOME_KINDS


def ground_confirmed(item: Mapping, grounds: Mapping[str, str]) -> bool:
    """True unless the item rests on a municipal ground the municipality has not confirmed."""
    ground = ground_of(item)
    return ground is None or bool((grounds.get(ground) or "").strip())


def must_be_assessed(item: Mapping, grounds: Mapping[str, str]) -> bool:
    """An item on a ground the municipality's rules do not contain is no rule of its own: it is not assessed.

    Assessing it would mean collecting evidence on conduct, possibly revealing political or religious views,
    with no rule to apply it to.
    """
    return ground_confirmed(item, grounds)


def bars(item: Mapping, answer: str | None, grounds: Mapping[str, str]) -> bool:
    """Whether this answer to the item makes an eligible outcome impossible for what the item concerns."""
    criterion = criterion_of(item)
    if criterion == SPECIAL_REASONS or not ground_confirmed(item, grounds):
        return False
    if criterion == BINDING:
        return answer != "met"
    if criterion == WORSHIP_EXCEPTION:
        return answer not in ("met", "partly_met")
    return bool(item.get("blocking")) and answer in NEGATIVE


def limits_grant(item: Mapping, answer: str | None) -> bool:
    """A § 33, stk. 4 item answered "partly met": the grant can only be given with the activities excluded."""
    return criterion_of(item) == WORSHIP_EXCEPTION and answer == "partly_met"


def exception_applies(items: list[Mapping], answer_of, grounds: Mapping[str, str]) -> bool:
    """The "särskilda skäl" exception is answered "applies" and the municipality's rules contain it."""
    return any(criterion_of(item) == SPECIAL_REASONS and ground_confirmed(item, grounds)
               and answer_of(item["key"]) == "applies" for item in items)


#: The fields an eligibility item may have; anything else is a misspelling.
ITEM_FIELDS = {"key", "group", "applies_to", "criterion", "blocking", "requires_evidence", "prefill", "concerns",
               "municipal_ground", "municipal_rules", "letter_source", "source", "source_url", "text", "guidance",
               "local"}


def item_problems(item: Mapping) -> list[str]:
    """What is wrong with an eligibility item of the current data format (empty when nothing is)."""
    key = item.get("key", "?")
    problems = [f"{key}: unknown field {name!r}" for name in sorted(set(item) - ITEM_FIELDS)]
    if item.get("criterion") not in CRITERIA:
        problems.append(f"{key}: criterion must be one of {', '.join(CRITERIA)}")
    if item.get("municipal_ground") not in (None, *MUNICIPAL_GROUNDS):
        problems.append(f"{key}: unknown municipal_ground {item.get('municipal_ground')!r}")
    if "blocking" in item and item.get("criterion") != DISCRETIONARY:
        problems.append(f"{key}: only a discretionary item says whether it blocks")
    if not (item.get("letter_source") or item.get("municipal_rules")):
        problems.append(f"{key}: a letter must be able to cite a statute or the municipality's rules")
    if isinstance(item.get("letter_source"), Mapping) and set(item["letter_source"]) != set(item.get("applies_to", ())):
        problems.append(f"{key}: a letter_source table names each legal basis the item applies to")
    for field in ("text", "guidance"):
        if sorted(item.get(field, {})) != ["da", "en", "sv"]:
            problems.append(f"{key}: {field} needs da, sv and en")
    return problems
