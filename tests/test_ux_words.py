import re

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

from ..tools.amounts import MAX_AMOUNT, format_amount_lang, format_amount_plain

# Every status of the module, as a state (an adjective or participle, never a verb):
# (model, field, value) -> (label, Kazakh, Russian).
STATUSES = {
    ("intl.agreement", "state", "draft"): ("Draft Proposal", "Ұсыныс жобасы", "Проект предложения"),
    ("intl.agreement", "state", "submitted"): ("Submitted", "Ұсынылды", "Подано"),
    ("intl.agreement", "state", "dic_review"): ("DIC Review", "ХЫД қарауында", "Рассмотрение в ДМС"),
    ("intl.agreement", "state", "negotiation"): ("Negotiation", "Келіссөздер", "Переговоры"),
    ("intl.agreement", "state", "drafting"): ("Draft Agreement", "Келісім-шарт жобасы", "Проект договора"),
    ("intl.agreement", "state", "legal_review"): ("Legal Review", "Заңдық сараптама",
                                                  "Юридическая экспертиза"),
    ("intl.agreement", "state", "management"): ("Management Decision", "Басшылық шешімі",
                                                "Решение руководства"),
    ("intl.agreement", "state", "approved"): ("Approved for Signing", "Қол қоюға келісілді",
                                              "Согласовано к подписанию"),
    ("intl.agreement", "state", "signed"): ("Signed", "Қол қойылды", "Подписан"),
    ("intl.agreement", "state", "in_force"): ("In Force", "Күшінде", "Действует"),
    ("intl.agreement", "state", "expired"): ("Expired", "Мерзімі өткен", "Срок истёк"),
    ("intl.agreement", "state", "terminated"): ("Terminated", "Бұзылды", "Расторгнут"),
    ("intl.agreement", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.agreement.plan.line", "state", "planned"): ("Planned", "Жоспарланған", "Запланировано"),
    ("intl.agreement.plan.line", "state", "done"): ("Done", "Орындалды", "Выполнено"),
    ("intl.agreement.plan.line", "state", "overdue"): ("Overdue", "Мерзімі өтіп кетті", "Просрочено"),
    ("intl.agreement.plan.line", "state", "cancelled"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.approval.line", "state", "waiting"): ("Waiting", "Кезекте", "В очереди"),
    ("intl.approval.line", "state", "pending"): ("To Decide", "Шешім күтуде", "Ожидает решения"),
    ("intl.approval.line", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.approval.line", "state", "rejected"): ("Rejected", "Қабылданбады", "Отклонено"),
    ("intl.approval.line", "state", "cancelled"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.delegation", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.delegation", "state", "decision_requested"): ("Decision Requested", "Шешім сұралды",
                                                         "Запрошено решение"),
    ("intl.delegation", "state", "approved"): ("Visit Approved", "Сапар келісілді", "Визит согласован"),
    ("intl.delegation", "state", "refused"): ("Refused", "Бас тартылды", "Отказано"),
    ("intl.delegation", "state", "invitation_sent"): ("Invitation Sent", "Шақыру жіберілді",
                                                      "Приглашение отправлено"),
    ("intl.delegation", "state", "programme_review"): ("Programme Review", "Бағдарламаны қарау",
                                                       "Рассмотрение программы"),
    ("intl.delegation", "state", "programme_approved"): ("Programme Approved", "Бағдарлама бекітілді",
                                                         "Программа утверждена"),
    ("intl.delegation", "state", "in_progress"): ("Visit in Progress", "Сапар өтуде", "Визит проводится"),
    ("intl.delegation", "state", "protocol_review"): ("Protocol Review", "Хаттаманы қарау",
                                                      "Рассмотрение протокола"),
    ("intl.delegation", "state", "protocol_approved"): ("Protocol Approved", "Хаттама бекітілді",
                                                        "Протокол утверждён"),
    ("intl.delegation", "state", "closed"): ("Closed", "Жабылды", "Закрыто"),
    ("intl.delegation", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.disciplinary.case", "state", "open"): ("Open", "Ашық", "Открыто"),
    ("intl.disciplinary.case", "state", "explanation_requested"): (
        "Explanation Requested", "Түсініктеме сұралды", "Объяснение запрошено"),
    ("intl.disciplinary.case", "state", "explanation_received"): (
        "Explanation Received", "Түсініктеме алынды", "Объяснение получено"),
    ("intl.disciplinary.case", "state", "refusal"): ("Refusal Act", "Бас тарту актісі", "Акт об отказе"),
    ("intl.disciplinary.case", "state", "decided"): ("Decided", "Шешім қабылданды", "Решение принято"),
    ("intl.disciplinary.case", "state", "closed"): ("Closed", "Жабылды", "Закрыто"),
    ("intl.document.line", "state", "missing"): ("Missing", "Жоқ", "Отсутствует"),
    ("intl.document.line", "state", "received"): ("Received", "Алынды", "Получен"),
    ("intl.document.line", "state", "verified"): ("Verified", "Тексерілді", "Проверен"),
    ("intl.document.line", "state", "rejected"): ("Rejected", "Қабылданбады", "Отклонено"),
    ("intl.document.line", "display_state", "missing"): ("Missing", "Жоқ", "Отсутствует"),
    ("intl.document.line", "display_state", "later"): ("Due Later", "Кейінірек тапсырылады",
                                                       "Сдаётся позже"),
    ("intl.document.line", "display_state", "received"): ("Received", "Алынды", "Получен"),
    ("intl.document.line", "display_state", "verified"): ("Verified", "Тексерілді", "Проверен"),
    ("intl.document.line", "display_state", "rejected"): ("Rejected", "Қабылданбады", "Отклонено"),
    ("intl.trip", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.trip", "state", "to_head"): ("Unit Head", "Бөлімше басшысы", "Руководитель подразделения"),
    ("intl.trip", "state", "to_dic"): ("DIC", "ХЫД", "ДМС"),
    ("intl.trip", "state", "to_management"): ("Management", "Басшылық", "Руководство"),
    ("intl.trip", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.trip", "state", "returned"): ("Returned", "Оралды", "Возвращение зарегистрировано"),
    ("intl.trip", "state", "done"): ("Closed", "Жабылды", "Закрыто"),
    ("intl.trip", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.trip", "money_state", "none"): ("No Money", "Қаражатсыз", "Без расчётов"),
    ("intl.trip", "money_state", "to_pay"): ("Advance to Pay", "Төленетін аванс", "Аванс к выплате"),
    ("intl.trip", "money_state", "advanced"): ("Advanced", "Аванс берілді", "Аванс выплачен"),
    ("intl.trip", "money_state", "to_approve"): ("Report to Approve", "Есеп бекітуді күтуде",
                                                 "Отчёт на утверждении"),
    ("intl.trip", "money_state", "to_settle"): ("To Settle", "Есеп айырысу керек", "К расчёту"),
    ("intl.trip", "money_state", "settled"): ("Settled", "Есеп айырысылды", "Расчёт произведён"),
    ("intl.trip.extension", "state", "pending"): ("Pending", "Қаралуда", "На рассмотрении"),
    ("intl.trip.extension", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.trip.extension", "state", "rejected"): ("Rejected", "Қабылданбады", "Отклонено"),
    ("intl.trip.payment", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.trip.payment", "state", "posted"): ("Posted", "Өткізілді", "Проведено"),
    ("intl.trip.payment", "state", "reversed"): ("Reversed", "Сторноланды", "Сторнировано"),
    ("intl.trip.advance.report", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.trip.advance.report", "state", "submitted"): ("Submitted", "Ұсынылды", "Подано"),
    ("intl.trip.advance.report", "state", "posted"): ("Posted", "Өткізілді", "Проведено"),
    ("intl.trip.advance.report", "state", "cancel"): ("Reversed", "Сторноланды", "Сторнировано"),
    ("res.partner", "intl_cooperation_status", "prospect"): ("Prospect", "Әлеуетті серіктес",
                                                             "Потенциальный партнёр"),
    ("res.partner", "intl_cooperation_status", "active"): ("Active", "Белсенді", "Активно"),
    ("res.partner", "intl_cooperation_status", "expired"): ("Expired", "Мерзімі өткен", "Срок истёк"),
    ("intl.annual.report", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.annual.report", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.annual.report", "state", "submitted"): ("Rector's Approval", "Ректордың бекітуі", "Утверждение ректором"),
    ("intl.annual.report", "state", "superseded"): ("Superseded", "Ауыстырылды", "Заменён"),
    ("intl.degree.application", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.degree.application", "state", "ineligible"): ("Not Eligible", "Талаптарға сай емес", "Не соответствует"),
    ("intl.degree.application", "state", "reserve"): ("Reserve", "Резерв", "Резерв"),
    ("intl.degree.application", "state", "selected"): ("Selected", "Іріктелді", "Отобран"),
    ("intl.degree.application", "state", "submitted"): ("Submitted", "Ұсынылды", "Подано"),
    ("intl.degree.application", "state", "withdrawn"): ("Withdrawn", "Кері шақырылды", "Отозвана"),
    ("intl.degree.intake", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.degree.intake", "state", "decided"): ("Decided", "Шешім қабылданды", "Решение принято"),
    ("intl.degree.intake", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.degree.intake", "state", "evaluation"): ("Commission Review", "Комиссияның қарауы",
                                                    "Рассмотрение комиссией"),
    ("intl.degree.intake", "state", "open"): ("Applications Open", "Өтініштер қабылдануда", "Приём заявок открыт"),
    ("intl.degree.programme", "state", "active"): ("Running", "Жүзеге асырылуда", "Действует"),
    ("intl.degree.programme", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.degree.programme", "state", "closed"): ("Closed", "Жабылды", "Закрыто"),
    ("intl.degree.programme", "state", "contract"): ("Contract", "Шарт", "Договор"),
    ("intl.degree.programme", "state", "draft"): ("Proposal", "Ұсыныс", "Предложение"),
    ("intl.degree.programme", "state", "management"): ("Management Decision", "Басшылық шешімі", "Решение руководства"),
    ("intl.degree.programme", "state", "negotiation"): ("Negotiation", "Келіссөздер", "Переговоры"),
    ("intl.mobility", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.mobility", "state", "completed"): ("Completed", "Аяқталды", "Завершена"),
    ("intl.mobility", "state", "planned"): ("Planned", "Жоспарланған", "Запланировано"),
    ("intl.mobility.nomination", "state", "draft"): ("Application Being Filled", "Өтінім толтырылуда",
                                                     "Заявка заполняется"),
    ("intl.mobility.nomination", "state", "submitted"): ("Submitted", "Ұсынылды", "Подано"),
    ("intl.mobility.nomination", "state", "accepted"): ("Accepted", "Қабылданды", "Принято"),
    ("intl.mobility.nomination", "state", "refused"): ("Refused", "Бас тартылды", "Отказано"),
    ("intl.mobility.nomination", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.review.action", "state", "cancelled"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.review.action", "state", "done"): ("Done", "Орындалды", "Выполнено"),
    ("intl.review.action", "state", "open"): ("To Do", "Орындалуда", "К выполнению"),
    ("intl.scholar.act", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.scholar.act", "state", "billed"): ("Billed", "Шот берілді", "Выставлен счёт"),
    ("intl.scholar.act", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.scholar.act", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.scholar.act", "state", "paid"): ("Paid", "Төленді", "Оплачено"),
    ("intl.scholar.act", "state", "to_approve"): ("Awaiting Approval", "Бекітуде", "На утверждении"),
    ("intl.scholar.fee", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.scholar.fee", "state", "draft"): ("To Pay", "Төлеуге", "К оплате"),
    ("intl.scholar.fee", "state", "posted"): ("Paid", "Төленді", "Оплачено"),
    ("intl.scholar.lecture", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.scholar.lecture", "state", "given"): ("Given", "Өткізілді", "Проведена"),
    ("intl.scholar.lecture", "state", "planned"): ("Planned", "Жоспарланған", "Запланировано"),
    ("intl.scholar.plan", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.scholar.plan", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.scholar.plan", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.scholar.plan", "state", "to_agree"): ("Being Agreed", "Келісуде", "На согласовании"),
    ("intl.scholar.plan", "state", "to_approve"): ("Awaiting Approval", "Бекітуде", "На утверждении"),
    ("intl.scholar.visa", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.scholar.visa", "state", "issued"): ("Issued", "Берілді", "Выдана"),
    ("intl.scholar.visa", "state", "refused"): ("Refused", "Бас тартылды", "Отказано"),
    ("intl.scholar.visa", "state", "requested"): ("Requested", "Сұралды", "Запрошена"),
    ("intl.scholar.visit", "state", "accepted"): ("Invitation and Visa", "Шақыру және виза", "Приглашение и виза"),
    ("intl.scholar.visit", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.scholar.visit", "state", "done"): ("Paid", "Төленді", "Оплачено"),
    ("intl.scholar.visit", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.scholar.visit", "state", "ended"): ("Stay Ended", "Болу мерзімі аяқталды", "Пребывание завершено"),
    ("intl.scholar.visit", "state", "on_site"): ("On Site", "Университетте", "В университете"),
    ("intl.scholar.visit", "state", "refused"): ("Refused", "Бас тартылды", "Отказано"),
    ("intl.scholar.visit", "state", "to_dic"): ("DIC Decision", "ХЫД шешімі", "Решение ДМС"),
    ("intl.study.plan", "state", "approved"): ("Approved", "Бекітілді", "Утверждено"),
    ("intl.study.plan", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.study.plan", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.study.plan", "state", "institute"): ("Institute Directorate", "Институт дирекциясы", "Дирекция института"),
    ("intl.study.plan", "state", "recognised"): ("Results Recognised", "Нәтижелер танылды", "Результаты признаны"),
    ("intl.study.plan", "state", "registrar"): ("Registrar Office", "Тіркеу офисі", "Офис регистратора"),
    ("intl.study.plan", "state", "superseded"): ("Superseded by a Change", "Өзгеріспен ауыстырылды",
                                                 "Заменён изменением"),
    ("intl.mobility.application", "state", "accepted"): ("Accepted by the Partner", "Серіктес қабылдады",
                                                         "Принят партнёром"),
    ("intl.mobility.application", "state", "declined"): ("Declined by the Partner", "Серіктес бас тартты",
                                                         "Отклонён партнёром"),
    ("intl.mobility.application", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.mobility.application", "state", "nominated"): ("Nominated", "Серіктеске ұсынылды", "Номинирован"),
    ("intl.mobility.application", "state", "ineligible"): ("Not Eligible", "Талаптарға сай емес", "Не соответствует"),
    ("intl.mobility.application", "state", "reserve"): ("Reserve", "Резерв", "Резерв"),
    ("intl.mobility.application", "state", "selected"): ("Selected", "Іріктелді", "Отобран"),
    ("intl.mobility.application", "state", "submitted"): ("Submitted", "Ұсынылды", "Подано"),
    ("intl.mobility.application", "state", "withdrawn"): ("Withdrawn", "Кері шақырылды", "Отозвана"),
    ("intl.mobility.call", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
    ("intl.mobility.call", "state", "decided"): ("Decided", "Шешім қабылданды", "Решение принято"),
    ("intl.mobility.call", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.mobility.call", "state", "evaluation"): ("Commission Review", "Комиссияның қарауы",
                                                    "Рассмотрение комиссией"),
    ("intl.mobility.call", "state", "open"): ("Applications Open", "Өтініштер қабылдануда", "Приём заявок открыт"),
    ("intl.opportunity", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.opportunity", "state", "published"): ("Published", "Жарияланды", "Опубликовано"),
    ("intl.opportunity", "state", "closed"): ("Closed", "Жабылды", "Закрыто"),
    ("intl.grant.project", "state", "proposal"): ("Proposal", "Ұсыныс", "Предложение"),
    ("intl.grant.project", "state", "submitted"): ("Submitted", "Ұсынылды", "Подано"),
    ("intl.grant.project", "state", "won"): ("Won", "Жеңді", "Выигран"),
    ("intl.grant.project", "state", "rejected"): ("Rejected", "Қабылданбады", "Отклонено"),
    ("intl.grant.project", "state", "running"): ("Running", "Жүзеге асырылуда", "Действует"),
    ("intl.grant.project", "state", "closed"): ("Closed", "Жабылды", "Закрыто"),
    ("intl.agreement.annex", "state", "draft"): ("Draft", "Жоба", "Черновик"),
    ("intl.agreement.annex", "state", "dic_review"): ("DIC Review", "ХЫД қарауында", "Рассмотрение в ДМС"),
    ("intl.agreement.annex", "state", "legal_review"): ("Legal Review", "Заңдық сараптама",
                                                        "Юридическая экспертиза"),
    ("intl.agreement.annex", "state", "management"): ("Management Decision", "Басшылық шешімі",
                                                      "Решение руководства"),
    ("intl.agreement.annex", "state", "approved"): ("Approved for Signing", "Қол қоюға келісілді",
                                                    "Согласовано к подписанию"),
    ("intl.agreement.annex", "state", "signed"): ("Signed", "Қол қойылды", "Подписан"),
    ("intl.agreement.annex", "state", "in_force"): ("In Force", "Күшінде", "Действует"),
    ("intl.agreement.annex", "state", "cancel"): ("Cancelled", "Күші жойылды", "Отменено"),
}


def _read_po(lang):
    """``{msgid: msgstr}`` of the module's .po file of ``lang``."""
    path = file_path(f"intl_cooperation/i18n/{lang}.po")
    with open(path, encoding="utf-8") as po_file:
        text = po_file.read()

    def unquote(block):
        return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)).replace('\\"', '"')

    return {
        unquote(match.group(1)): unquote(match.group(2))
        for match in re.finditer(r'\nmsgid ((?:"[^\n]*"\n)+)msgstr ((?:"[^\n]*"\n)+)', text)
    }


@tagged("post_install", "-at_install")
class TestStatusWords(TransactionCase):
    """Every status selection of the module reads as a state in Kazakh and Russian."""

    def _module_statuses(self):
        found = set()
        for model_name in self.env.registry:
            for name, field in self.env[model_name]._fields.items():
                if (field.type == "selection" and getattr(field, "_module", None) == "intl_cooperation"
                        and (name == "state" or name.endswith(("_state", "_status")))
                        and not callable(field.selection) and field.model_name == model_name
                        and not self.env[model_name].is_transient()
                        and not self.env[model_name]._abstract):
                    found.update((model_name, name, value) for value, _label in field.selection)
        return found

    def test_every_status_is_listed(self):
        self.assertEqual(self._module_statuses(), set(STATUSES),
                         "a status was added or removed: list it in STATUSES with its translations")

    def test_po_files_translate_statuses_as_states(self):
        po = {"kk": _read_po("kk"), "ru": _read_po("ru")}
        for (model, field, value), (label, kazakh, russian) in STATUSES.items():
            selection = dict(self.env[model]._fields[field].selection)
            self.assertEqual(selection[value], label, f"{model}.{field} {value}")
            self.assertEqual(po["kk"].get(label), kazakh, f"kk.po: {label}")
            self.assertEqual(po["ru"].get(label), russian, f"ru.po: {label}")

    def test_open_is_a_state_not_a_verb(self):
        for lang, expected in (("kk_KZ", "Ашық"), ("ru_RU", "Открыто"), ("en_US", "Open")):
            labels = dict(self.env["intl.disciplinary.case"]._fields["state"]._description_selection(
                self.env(context={"lang": lang})))
            self.assertEqual(labels["open"], expected)


@tagged("post_install", "-at_install")
class TestAmountFormatting(TransactionCase):
    """Amounts as numbers, never in scientific notation."""

    def test_plain_format_never_uses_an_exponent(self):
        for amount in (2.27e25, 1e21, 123456789012.345, -5e22, 0.1, 0, None):
            text = format_amount_plain(amount)
            self.assertNotIn("e", text.lower(), text)
            self.assertNotIn("E", text)
        self.assertEqual(format_amount_plain(2.27e25), "22 700 000 000 000 000 000 000 000,00")
        self.assertEqual(format_amount_plain(1234567.891), "1 234 567,89")
        self.assertEqual(format_amount_plain(-1500), "-1 500,00")
        self.assertEqual(format_amount_plain(1500, 0), "1 500")

    def test_language_format_uses_the_user_separators(self):
        kzt = self.env.ref("base.KZT")
        text = format_amount_lang(self.env(context={"lang": "en_US"}), 1234567.5, kzt)
        self.assertEqual(text, "1,234,567.50\N{NO-BREAK SPACE}" + kzt.symbol)
        self.assertNotIn("e+", format_amount_lang(self.env, 2.27e25, kzt))

    def test_meaningless_amounts_are_refused(self):
        self.assertEqual(MAX_AMOUNT, 10 ** 12)
