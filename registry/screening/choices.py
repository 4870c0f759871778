"""Legal bases, outcomes and statuses of eligibility screening."""

from flask_babel import lazy_gettext as _l

from registry.core.choices import Choices

LEGAL_BASES = Choices(
    ("dk_fol_stk3", _l("Folkeoplysningsloven § 4, stk. 3: voluntary folkeoplysende association work")),
    ("dk_fol_stk2", _l("Folkeoplysningsloven § 4, stk. 2: folkeoplysende adult education")),
    ("dk_44a", _l("Another legal basis, e.g. kommunalfuldmagten (folkeoplysningsloven § 44 a)")),
    ("se_grant_premises", _l("The municipality's föreningsbidrag or premises, with its democracy conditions")),
)
BASES_BY_COUNTRY = {"DK": ("dk_fol_stk3", "dk_fol_stk2", "dk_44a"), "SE": ("se_grant_premises",)}
TEMPLATE_FOR_BASIS = {"dk_fol_stk2": "eligibility_dk_fol", "dk_fol_stk3": "eligibility_dk_fol",
                      "dk_44a": "eligibility_dk_44a", "se_grant_premises": "eligibility_se"}

OUTCOMES = Choices(
    ("eligible", _l("Eligible")),
    ("eligible_with_conditions", _l("Eligible with conditions")),
    ("not_eligible", _l("Not eligible")),
)

EXCEPTION_ANSWERS = Choices(
    ("applies", _l("Special reasons apply")),
    ("does_not_apply", _l("No special reasons")),
    ("not_relevant", _l("Not relevant")),
)

CASE_STATUSES = Choices(
    ("open", _l("Open")),
    ("hearing", _l("Hearing sent")),
    ("proposed", _l("Awaiting approval")),
    ("decided", _l("Decided")),
    ("superseded", _l("Superseded")),
)

DECISION_STATUSES = Choices(
    ("proposed", _l("Awaiting approval")),
    ("returned", _l("Sent back")),
    ("final", _l("Final")),
)

GROUPS = Choices(
    ("criteria", _l("Criteria of the Act")),
    ("registration", _l("Registration requirements")),
    ("child_protection", _l("Child protection")),
    ("other_rules", _l("Other rules")),
    ("democracy_purpose", _l("Democracy: purpose")),
    ("democracy_conduct", _l("Democracy: conduct")),
    ("demokrativillkor", _l("Democracy conditions")),
    ("exception", _l("Special reasons")),
)

FLAG_REASONS = Choices(
    ("board_changed", _l("The board has changed")),
    ("statutes_amended", _l("New statutes handed in")),
    ("concern", _l("Concern recorded by staff")),
)

#: The grounds a Swedish municipality's own rules may contain (registry.screening.criteria.MUNICIPAL_GROUNDS).
GROUNDS = Choices(
    ("violence", _l("Violence, coercion or threats, or other violations of fundamental rights")),
    ("discrimination", _l("Discrimination or other breaches of the equal worth of all people")),
    ("promoting", _l("Defending, promoting or inciting such acts")),
    ("counteracting_democracy", _l("Counteracting the democratic form of government")),
    ("special_reasons", _l("Grant anyway where there are special reasons (särskilda skäl)")),
)
