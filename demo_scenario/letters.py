"""Letters by e-mail (issue 20): the DIC officer sends them from the records, as from their buttons.

- Dr. Kim's invitation and visa-support petition (the accepted visit; the invitation's sending sets
  *Invitation Sent On*);
- the guarantee letter of TU Berlin's delegation to its hotel (one supplier's letter);
- TU Berlin's copy of the signed agreement (entered in the agreement's copies register), to the
  partner's coordinator of the portal step.

The composer is the one the buttons open (the template, its PDF, the portal link); the mails are
queued. Idempotent: a letter already in the record's chatter is not sent again.
"""
from .common import ref, user


def already_sent(record, template_xmlid, recipient):
    """Whether the letter (its subject, in the recipient's language) went to ``recipient`` already."""
    subject = record.env.ref(template_xmlid)._render_field("subject", record.ids, compute_lang=True)[record.id]
    return bool(record.message_ids.filtered(
        lambda message: message.message_type == "comment" and message.subject == subject
        and recipient in message.partner_ids))


def send(env, action, sender):
    """What the composer's Send does, with the context the button opened it with."""
    composer = env["mail.compose.message"].with_user(sender).with_context(**action["context"]).create({})
    composer._action_send_mail()


def run(env):
    officer = user(env, "user_dic_officer")
    visit = ref(env, "intl_scholar_visit_kim_demo")
    if visit and visit.state in ("accepted", "on_site") and visit.scholar_id.email:
        if not already_sent(visit, "intl_cooperation.mail_template_intl_scholar_invitation", visit.scholar_id):
            send(env, visit.with_user(officer).action_send_invitation_mail(), officer)
        if visit.state == "accepted" and not already_sent(
                visit, "intl_cooperation.mail_template_intl_scholar_petition", visit.scholar_id):
            send(env, visit.with_user(officer).action_send_petition_mail(), officer)
    delegation = ref(env, "intl_delegation_tu_berlin_demo")
    hotel = ref(env, "res_partner_hotel_rixos_demo")
    line = delegation.guarantee_line_ids.filtered(lambda item: item.partner_id == hotel)[:1] if delegation else None
    if line and not already_sent(delegation, "intl_cooperation.mail_template_intl_delegation_guarantee", hotel):
        if not hotel.email:
            # DIC completes the supplier's contact before sending
            hotel.with_user(officer).email = "reservations@rixos-almaty.example"
        send(env, line.with_user(officer).action_send_guarantee_mail(), officer)
    agreement = ref(env, "intl_agreement_tu_berlin_demo")
    if (agreement and agreement.state in ("signed", "in_force") and agreement._intl_signed_scans()
            and not agreement.copy_ids.filtered(lambda row: row.delivery == "email")):
        send(env, agreement.with_user(officer).action_send_copy_mail(), officer)
