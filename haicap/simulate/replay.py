"""The services path: the same plans carried out through dossiers.services, one call per step,
as officers and citizens would. Slow (every step checks permissions and writes audit events);
used to prove the bulk path right, and available as `haicap simulate --path services`."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from haicap.dossiers.models import Dossier
from haicap.dossiers.services import Intake, dossier_intake, dossier_rate, dossier_transition
from haicap.simulate.bulk import _who
from haicap.simulate.plan import DossierPlan


def replay(plan: DossierPlan) -> Dossier:
    intake = Intake(
        procedure=plan.offer.procedure,
        receiving_unit=plan.receiving.unit,
        applicant=plan.applicant,
        competent_unit=plan.competent.unit,
        channel=plan.channel,
        applicant_commune_code=plan.applicant_commune,
        return_method=plan.return_method,
    )
    actor = plan.receiving.counter if plan.outcome != "register" else AnonymousUser()
    dossier = dossier_intake(
        intake,
        actor=actor,
        outcome=plan.outcome,
        missing_items=plan.missing or None,
        refusal_reason=plan.refusal,
        now=plan.at,
    )
    for action, at, who, params in plan.steps:
        dossier = dossier_transition(
            dossier, action=action, actor=_who(plan, who), now=at, **params
        )
    if plan.rating is not None:
        at, satisfied, reason = plan.rating
        dossier = dossier_rate(dossier, satisfied=satisfied, reason=reason, now=at)
    return dossier
