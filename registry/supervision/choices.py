"""Sanctions and selection kinds of supervision."""

from flask_babel import lazy_gettext as _l

from registry.core.choices import Choices

SANCTIONS = Choices(
    ("repayment", _l("Demand full or partial repayment")),
    ("stop_payments", _l("Stop payments")),
    ("withhold_payments", _l("Withhold payments in full or in part")),
    ("withdraw_premises", _l("Withdraw the right to use allocated premises")),
)

SANCTION_BASES = Choices(
    ("fol_33_5", _l("Folkeoplysningsloven § 33, stk. 5")),
    ("fol_44a_2", _l("Folkeoplysningsloven § 44 a, stk. 2")),
    ("municipal_rules", _l("The municipality's own grant rules")),
)

SELECTIONS = Choices(
    ("random", _l("Random sample")),
    ("judgement", _l("Chosen by judgement")),
)
