"""Behavioural pairs for the status classifier: two status cells for one measure that differ in
one decisive element (the label changes) or, for a control, in one element that must not
matter (the label stays), grouped by the capability they probe.

Where the phrasings come from: every cell was written by hand for this file, each pair for its
own imagined report row (ministries, oblast and district administrations, city, settlement and
village councils, hospitals, universities, schools, tax, customs, the emergency service, the
pension fund, court administrations, police, municipal enterprises; years 2016–2025), in the
voice such a body or its monitor would use. The table was written from ``corpus/GUIDELINES.md``
alone (§1's admissions, categorical statuses, monitoring voice, mixed cells, Russian and
surzhyk, and the precedence not_applicable > in_progress > done > boilerplate; §2's hard
cases), without looking at the corpus or the model, so that it works as a held-out test. No
document number or date imitates a real document; no private person is named.

The capabilities:

- ``negation``: the measure's own action affirmed vs negated; own action negated vs the trigger
  negated; «жодного», «не було», negation inside longer sentences and across two clauses;
- ``aspect_tense``: perfective past vs habitual present (or imperfective past) vs future/plan;
- ``not_started_vs_not_applicable``: «не розпочато», «перенесено», «призупинено», «не виконано у
  зв'язку з …» (money, war, reorganisation) vs a missing trigger or object given as the reason;
- ``monitoring_voice``: third-party frames with the reported fact changed, and own voice vs
  monitoring voice with the same fact (controls);
- ``categorical``: one-word and short categories and their qualified forms;
- ``short_and_long``: cells of one to four words, and cells of eight to fifteen mostly
  formulaic sentences that differ in one deciding sentence;
- ``noise``: typos, Latin look-alike letters inside Cyrillic words, words broken at a line end,
  HTML debris, capitals; noise alone (controls) and a decisive change under noise. The cells are
  raw: they are meant to go through the same normalisation as a report's cell;
- ``russian_surzhyk``: Russian or surzhyk vs Ukrainian with the same content (controls), and
  Russian or surzhyk pairs with a decisive difference;
- ``mixed_cells``: a preparatory step done with the measure explicitly unfinished vs the step
  alone or the measure completed;
- ``buried_act``: a long habitual answer with one specific finished act buried in it vs the
  same answer without it; the act next to an explicit missing trigger.

How pairs are scored: each cell is classified on its own, with the pair's measure as its row
context. A pair passes only when *both* cells get their expected labels; a pair with one cell
right is a miss. Results are reported per capability, and within it separately for contrastive
pairs (``first_label != second_label``: is the model sensitive to the decisive element?) and
controls (``first_label == second_label``: is it invariant to the non-decisive one?).
"""

from __future__ import annotations

from typing import NamedTuple


class Pair(NamedTuple):
    """Two status cells for one measure that differ in one decisive (or, for a control, one non-decisive) element."""

    capability: str  # one of CAPABILITIES
    measure: str  # the row's measure (Найменування заходу), context for both cells
    first: str  # status cell 1
    first_label: str
    second: str  # status cell 2
    second_label: str
    why: str  # in English, one line: the element that differs and why the labels are what they are


CAPABILITIES = ("negation", "aspect_tense", "not_started_vs_not_applicable", "monitoring_voice",
                "categorical", "short_and_long", "noise", "russian_surzhyk", "mixed_cells", "buried_act")


NEGATION = [
    Pair(
        "negation",
        "Проведення навчань для працівників Головного управління ДПС у Полтавській області з питань запобігання корупції",
        "У ІІ кварталі 2021 року навчання з питань запобігання корупції проведено для 38 працівників управління.",
        "done",
        "У ІІ кварталі 2021 року навчання з питань запобігання корупції для працівників управління не проведено.",
        "in_progress",
        "«проведено» vs «не проведено»: the measure's own action affirmed (done) or negated (still owed).",
    ),
    Pair(
        "negation",
        "Проведення службових перевірок за повідомленнями про порушення антикорупційного законодавства працівниками облдержадміністрації",
        "Службову перевірку за зверненням громадянина від 14.05.2019 не проведено.",
        "in_progress",
        "Підстав для проведення службових перевірок у звітному періоді не виникало.",
        "not_applicable",
        "the check itself is negated (owed, in_progress) vs the grounds for a check are negated (nothing to act on).",
    ),
    Pair(
        "negation",
        "Розгляд повідомлень, що надійшли через Єдиний портал повідомлень викривачів, щодо працівників університету",
        "Протягом 2023 року через Єдиний портал повідомлень викривачів не надійшло жодного повідомлення щодо працівників університету.",
        "not_applicable",
        "Станом на 31.12.2023 не розглянуто жодного з трьох повідомлень, що надійшли через Єдиний портал повідомлень викривачів; строк розгляду продовжено.",
        "in_progress",
        "«жодного» negates the incoming reports (no trigger) in one cell and the university's own review of three reports in the other.",
    ),
    Pair(
        "negation",
        "Забезпечення проведення спеціальної перевірки щодо осіб, які претендують на зайняття посад в органах місцевого самоврядування",
        "Вакантних посад, на які передбачено проведення спеціальної перевірки, у 2020 році в сільській раді не було.",
        "not_applicable",
        "Спеціальної перевірки щодо кандидата на посаду заступника сільського голови не було проведено, запити до уповноважених органів не направлялися.",
        "in_progress",
        "«не було» of the object (no vacancies) vs «не було проведено» of the council's own check on an actual candidate.",
    ),
    Pair(
        "negation",
        "Оприлюднення антикорупційної програми Головного управління ДСНС у Черкаській області на офіційному веб-сайті",
        "Антикорупційну програму Головного управління ДСНС на 2022 рік, затверджену наказом від 28.01.2022 № 17, оприлюднено на офіційному веб-сайті в розділі \"Запобігання проявам корупції\".",
        "done",
        "Антикорупційну програму Головного управління ДСНС на 2022 рік затверджено наказом від 28.01.2022 № 17, проте на офіційному веб-сайті її досі не оприлюднено через технічні роботи на сайті.",
        "in_progress",
        "the negation of the publishing (the measure's action) sits inside a long sentence after a finished approval: still owed.",
    ),
    Pair(
        "negation",
        "Розгляд скарг на дії посадових осіб митного поста та проведення службових розслідувань",
        "Скарг на дії посадових осіб митного поста не надходило, тому службові розслідування не проводились.",
        "not_applicable",
        "Надійшло 2 скарги на дії посадових осіб митного поста, однак службові розслідування за ними досі не проводились.",
        "in_progress",
        "two clauses: the first clause negates the trigger (reason for inaction) vs affirms it, so the same negated inquiry becomes owed.",
    ),
    Pair(
        "negation",
        "Здійснення заходів щодо запобігання та врегулювання конфлікту інтересів у КНП «Міська лікарня № 3»",
        "Повідомлень працівників про реальний чи потенційний конфлікт інтересів у 2024 році не надходило.",
        "not_applicable",
        "У 2024 році жодного повідомлення працівників про реальний чи потенційний конфлікт інтересів не надійшло.",
        "not_applicable",
        "control: the form of negation («не надходило» / «жодного … не надійшло») changes, the negated trigger does not.",
    ),
    Pair(
        "negation",
        "Розроблення та затвердження порядку обміну інформацією про корупційні ризики між структурними підрозділами головного управління Пенсійного фонду",
        "Порядок обміну інформацією про корупційні ризики не затверджено.",
        "in_progress",
        "Порядок обміну інформацією про корупційні ризики так і не було затверджено до кінця 2017 року.",
        "in_progress",
        "control: a plain and an emphatic negation of the same own action; both say the procedure is still owed.",
    ),
    Pair(
        "negation",
        "Перевірка факту подання декларацій суб'єктами декларування, які працюють у районній державній адміністрації",
        "Перевірку факту подання декларацій 46 працівниками райдержадміністрації проведено, порушень не виявлено.",
        "done",
        "Порушень щодо подання декларацій працівниками райдержадміністрації не виявлено.",
        "not_applicable",
        "with the check named, «порушень не виявлено» is its result (done); without it, only the trigger is negated.",
    ),
    Pair(
        "negation",
        "Надання методичної допомоги структурним підрозділам міської ради з питань заповнення декларацій",
        "Запитів від структурних підрозділів щодо надання методичної допомоги у 2016 році не надходило.",
        "not_applicable",
        "Методичну допомогу з питань заповнення декларацій структурним підрозділам у 2016 році не надано.",
        "in_progress",
        "the requests (trigger) are negated vs the help the council itself owed is negated.",
    ),
    Pair(
        "negation",
        "Проведення антикорупційної експертизи проєктів наказів Міністерства",
        "Проведено антикорупційну експертизу 14 проєктів наказів, корупціогенних факторів не виявлено.",
        "done",
        "Проведено антикорупційну експертизу 14 проєктів наказів; у двох з них виявлено корупціогенні фактори, проєкти доопрацьовано.",
        "done",
        "control: a negated finding is the result of a finished review, just as a positive finding is.",
    ),
    Pair(
        "negation",
        "Участь працівників сектору превенції ГУНП в області у навчальних заходах НАЗК",
        "Працівники сектору превенції у 2025 році взяли участь у двох вебінарах НАЗК з питань декларування.",
        "done",
        "Працівники сектору превенції у 2025 році участі в навчальних заходах НАЗК не брали.",
        "in_progress",
        "the unit's own participation affirmed vs negated; nothing external was missing, so the negated form is owed work.",
    ),
    Pair(
        "negation",
        "Оновлення переліку посад з підвищеним корупційним ризиком у територіальному управлінні ДСА",
        "Перелік посад з підвищеним корупційним ризиком оновлено в повному обсязі, наказ ТУ ДСА від 11.10.2018 № 95.",
        "done",
        "Перелік посад з підвищеним корупційним ризиком оновлено не в повному обсязі: посади відділу забезпечення діяльності судів до нього ще не внесено.",
        "in_progress",
        "«не» before the scope («не в повному обсязі») makes the update explicitly unfinished.",
    ),
    Pair(
        "negation",
        "Проведення роз'яснювальної роботи з працівниками КП «Водоканал» щодо недопущення корупційних правопорушень",
        "З працівниками підприємства постійно проводиться роз’яснювальна робота щодо неприпустимості одержання неправомірної вигоди.",
        "boilerplate",
        "З працівниками підприємства на постійній основі ведеться роз’яснювальна робота: не можна одержувати неправомірну вигоду, не можна використовувати службове становище у приватних інтересах.",
        "boilerplate",
        "control: negations inside the content of the talks («не можна …») negate neither the action nor a trigger; both are habitual.",
    ),
]


ASPECT_TENSE = [
    Pair(
        "aspect_tense",
        "Проведення оцінки корупційних ризиків у діяльності Львівської митниці",
        "Оцінку корупційних ризиків у діяльності митниці проведено, звіт за її результатами затверджено 22.11.2019.",
        "done",
        "Оцінка корупційних ризиків у діяльності митниці проводиться щороку відповідно до Методології.",
        "boilerplate",
        "perfective past with a dated report vs habitual present («проводиться щороку») with no outcome.",
    ),
    Pair(
        "aspect_tense",
        "Навчання членів тендерного комітету КНП «Обласна дитяча лікарня» з питань публічних закупівель",
        "Навчання членів тендерного комітету проведено 17.08.2022 на базі обласного центру підвищення кваліфікації.",
        "done",
        "Навчання членів тендерного комітету буде проведено у вересні 2022 року на базі обласного центру підвищення кваліфікації.",
        "in_progress",
        "«проведено» vs «буде проведено»: the same training finished vs promised for later.",
    ),
    Pair(
        "aspect_tense",
        "Оновлення розділу «Запобігання корупції» на офіційному веб-сайті міської ради",
        "Оновлення розділу «Запобігання корупції» на сайті міської ради заплановано на IV квартал 2021 року.",
        "in_progress",
        "Розділ «Запобігання корупції» на сайті міської ради оновлено у жовтні 2021 року.",
        "done",
        "a plan for a quarter vs the update carried out in a named month.",
    ),
    Pair(
        "aspect_tense",
        "Ознайомлення новопризначених працівників ГУ ПФУ з обмеженнями, встановленими антикорупційним законодавством",
        "Новопризначені працівники ознайомлюються з обмеженнями, встановленими Законом України «Про запобігання корупції», під підпис.",
        "boilerplate",
        "З обмеженнями, встановленими Законом України «Про запобігання корупції», під підпис ознайомлено 12 новопризначених працівників.",
        "done",
        "habitual present describes the routine; the perfective past reports 12 people actually acquainted.",
    ),
    Pair(
        "aspect_tense",
        "Проведення засідань комісії з оцінки корупційних ризиків Міністерства освіти і науки",
        "У 2018 році проведено 4 засідання комісії з оцінки корупційних ризиків.",
        "done",
        "Протягом 2018 року комісія з оцінки корупційних ризиків провела чотири засідання.",
        "done",
        "control: impersonal passive and active past of the same finished meetings.",
    ),
    Pair(
        "aspect_tense",
        "Розроблення Антикорупційної програми університету на 2024–2026 роки",
        "Проєкт Антикорупційної програми університету на 2024–2026 роки буде розроблено до 15 грудня 2023 року.",
        "in_progress",
        "Розробку проєкту антикорупційної програми на 2024-2026 рр. планується завершити до 15.12.2023.",
        "in_progress",
        "control: two ways of stating the future («буде розроблено» / «планується завершити»); neither is done.",
    ),
    Pair(
        "aspect_tense",
        "Проведення внутрішнього аудиту процедур закупівель департаменту охорони здоров'я облдержадміністрації",
        "Внутрішній аудит процедур закупівель департаменту охорони здоров'я триває, строк завершення — 20.12.2024.",
        "in_progress",
        "Внутрішній аудит процедур закупівель департаменту охорони здоров'я завершено, аудиторський звіт від 20.12.2024 № 7 направлено керівництву.",
        "done",
        "progressive «триває» with a deadline vs perfective «завершено» with the report.",
    ),
    Pair(
        "aspect_tense",
        "Контроль за дотриманням працівниками ГУ ДПС обмежень щодо одержання подарунків",
        "Контроль за дотриманням працівниками обмежень щодо одержання подарунків здійснюється на постійній основі.",
        "boilerplate",
        "Протягом 2025 року здійснювався контроль за дотриманням працівниками обмежень щодо одержання подарунків.",
        "boilerplate",
        "control: the imperfective past («здійснювався») is as habitual as the present; no outcome either way.",
    ),
    Pair(
        "aspect_tense",
        "Проведення інструктажів з особовим складом відділу поліції щодо дотримання правил етичної поведінки",
        "Протягом року з особовим складом відділу поліції проводилися інструктажі щодо етичної поведінки.",
        "boilerplate",
        "Протягом року з особовим складом відділу поліції проведено 3 інструктажі щодо етичної поведінки (записи в журналі інструктажів від 10.02, 12.06 та 03.10.2017).",
        "done",
        "imperfective «проводилися» (a routine) vs perfective «проведено 3» with journal entries.",
    ),
    Pair(
        "aspect_tense",
        "Розроблення положення про уповноважений підрозділ з питань запобігання та виявлення корупції Міністерства",
        "Положення про уповноважений підрозділ з питань запобігання та виявлення корупції розробляється.",
        "in_progress",
        "Положення про уповноважений підрозділ з питань запобігання та виявлення корупції розроблено та затверджено наказом від 05.09.2016 № 212.",
        "done",
        "a one-off document «розробляється» (still at drafting) vs «розроблено та затверджено» with the order.",
    ),
    Pair(
        "aspect_tense",
        "Подання звіту про виконання антикорупційної програми сільської ради до районної державної адміністрації",
        "Звіт про виконання антикорупційної програми за 2020 рік буде подано до районної державної адміністрації в січні 2021 року.",
        "in_progress",
        "Звіт про виконання антикорупційної програми за 2020 рік подано до РДА листом від 14.01.2021 № 02-14/19.",
        "done",
        "future «буде подано» vs past «подано» with the covering letter.",
    ),
    Pair(
        "aspect_tense",
        "Проведення семінарів для посадових осіб місцевого самоврядування району з питань декларування",
        "Семінар для посадових осіб місцевого самоврядування з питань декларування заплановано на 12 березня 2019 року.",
        "in_progress",
        "Семінари для посадових осіб місцевого самоврядування з питань декларування проводяться щокварталу.",
        "boilerplate",
        "a scheduled single seminar (a plan, owed) vs the habitual present of a routine.",
    ),
    Pair(
        "aspect_tense",
        "Перевірка своєчасності подання декларацій працівниками КП «Міськтеплоенерго»",
        "Перевірку своєчасності подання декларацій працівниками підприємства здійснено 05.04.2022: усі 9 суб'єктів декларування подали декларації вчасно.",
        "done",
        "05.04.2022 було здійснено перевірку своєчасності подання декларацій, всі дев’ять суб’єктів декларування підприємства подали їх у строк.",
        "done",
        "control: «здійснено» and «було здійснено» are the same finished check.",
    ),
]


NOT_STARTED_VS_NOT_APPLICABLE = [
    Pair(
        "not_started_vs_not_applicable",
        "Проведення спеціальних перевірок щодо кандидатів на зайняття посад державної служби категорії «Б» у Міністерстві",
        "Виконання заходу не розпочато.",
        "in_progress",
        "Виконання заходу не розпочиналось, оскільки конкурсів на зайняття посад категорії «Б» у 2018 році не оголошувалось.",
        "not_applicable",
        "bare «не розпочато» is owed work; the same inaction explained by no competitions (no trigger) is not_applicable.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Навчання новообраних депутатів міської ради з питань подання електронних декларацій",
        "Навчання для новообраних депутатів міської ради перенесено на лютий 2021 року.",
        "in_progress",
        "Навчання не проводилося, оскільки новообраних депутатів у 2021 році не було: проміжні вибори до міської ради не відбувалися.",
        "not_applicable",
        "postponed (still owed) vs there was nobody to train (the object did not exist).",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Забезпечення повідомлення НАЗК про звільнення суб'єктів декларування з органів поліції",
        "Виконання заходу призупинено на період дії воєнного стану.",
        "in_progress",
        "Юридичний факт, з яким пов’язано виконання заходу (звільнення суб’єктів декларування), у звітному періоді не настав.",
        "not_applicable",
        "suspended because of the war (still owed) vs the legal fact triggering the duty did not occur.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Встановлення системи відеоспостереження в залі обслуговування платників податків ЦОП м. Ізюм",
        "Не виконано у зв'язку з відсутністю фінансування на придбання обладнання.",
        "in_progress",
        "Захід втратив актуальність: ЦОП у м. Ізюм ліквідовано, зала обслуговування платників не функціонує.",
        "not_applicable",
        "lack of money does not remove the duty; the object (the service hall) no longer exists.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Затвердження антикорупційної програми районної державної адміністрації на 2020-2022 роки",
        "Затвердження антикорупційної програми не здійснено у зв'язку з реорганізацією райдержадміністрації; проєкт буде доопрацьовано після затвердження нової структури.",
        "in_progress",
        "У зв'язку з ліквідацією району та припиненням райдержадміністрації затвердження окремої антикорупційної програми не є доцільним.",
        "not_applicable",
        "reorganisation delays a programme that is still owed vs the body itself ceases, so the measure no longer applies.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Надання консультацій громадянам щодо механізмів повідомлення про корупцію в управлінні Пенсійного фонду",
        "Консультування не здійснювалось, оскільки звернень громадян з цього питання не надходило.",
        "not_applicable",
        "Консультування не здійснювалось через відсутність у штаті уповноваженої особи з питань запобігання корупції (посада вакантна з березня 2023 року).",
        "in_progress",
        "the reason is a missing trigger (no requests) vs a prerequisite the body itself had to provide (staffing).",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Проведення анонімного анкетування працівників університету щодо корупційних ризиків",
        "Анкетування перенесено на 2021 рік у зв’язку з карантинними обмеженнями.",
        "in_progress",
        "Анкетування викладачів і працівників відкладено на невизначений строк через запровадження дистанційного навчання.",
        "in_progress",
        "control: two postponements with different reasons (quarantine, distance learning); the survey is owed in both.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Інформування НАЗК про випадки порушення працівниками апарату ТУ ДСА обмежень щодо сумісництва",
        "Юридичний факт не настав.",
        "not_applicable",
        "Підстав для інформування НАЗК у 2017 році не було: випадків порушення обмежень щодо сумісництва не виявлено.",
        "not_applicable",
        "control: a formula and a spelled-out missing trigger say the same thing.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Моніторинг закупівель відділу освіти селищної ради на предмет корупційних ризиків",
        "Моніторинг не проводився, оскільки закупівлі за процедурою відкритих торгів у 2024 році відділом освіти не здійснювались.",
        "not_applicable",
        "Моніторинг закупівель відділу освіти у 2024 році не проводився у зв'язку з великим навантаженням на працівників, його буде здійснено в І кварталі 2025 року.",
        "in_progress",
        "no procurements to monitor (object absent) vs workload, with a promise: the body could have done it.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Проведення антикорупційної експертизи проєктів рішень виконавчого комітету селищної ради",
        "Не виконано, оскільки проєкти рішень виконкому на антикорупційну експертизу не надходили.",
        "not_applicable",
        "Не виконано, оскільки у відділі юридичного забезпечення не визначено працівника, відповідального за проведення експертизи.",
        "in_progress",
        "same «Не виконано, оскільки …»: no drafts submitted (no object) vs an internal assignment the council failed to make.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Створення електронної системи обліку звернень громадян у КП «Центр надання адміністративних послуг»",
        "Роботи зі створення електронної системи обліку звернень не розпочато у зв'язку з відсутністю коштів у бюджеті міста на 2018 рік.",
        "in_progress",
        "Захід не виконано: кошти на створення електронної системи обліку звернень у міському бюджеті на 2018 рік не передбачені.",
        "in_progress",
        "control: «не розпочато» and «не виконано» for lack of money; money is not a trigger, the system is still owed.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Внесення змін до положень про структурні підрозділи Головного управління ДСНС щодо антикорупційних обов'язків",
        "Внесення змін до положень про структурні підрозділи призупинено до затвердження нової структури Головного управління.",
        "in_progress",
        "Внесення змін до положень про структурні підрозділи не є доцільним, оскільки чинні положення вже містять відповідні антикорупційні обов'язки.",
        "not_applicable",
        "suspended pending a restructure (owed) vs found unnecessary because the duties are already there.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Перевірка наявності близьких осіб серед працівників лікарні, які перебувають у прямому підпорядкуванні, під час прийняття на роботу",
        "Перевірку провести не вдалося через відсутність у відділу кадрів актуальних анкетних даних працівників.",
        "in_progress",
        "Прийому на роботу нових працівників у 2016 році не здійснювалось, тож підстав для перевірки не було.",
        "not_applicable",
        "failed for an internal reason (owed) vs no hiring happened, so nothing to check.",
    ),
    Pair(
        "not_started_vs_not_applicable",
        "Розгляд звернень щодо можливих корупційних правопорушень у сфері надання адміністративних послуг",
        "Розгляд не здійснювався, оскільки звернень не надходило.",
        "not_applicable",
        "Звернень щодо можливих корупційних правопорушень у сфері надання адміністративних послуг протягом 2019 року не надходило, відповідно їх розгляд не здійснювався.",
        "not_applicable",
        "control: the missing trigger as a reason placed after or before the inaction; same label.",
    ),
]


MONITORING_VOICE = [
    Pair(
        "monitoring_voice",
        "Розроблення проєкту постанови Кабінету Міністрів України щодо удосконалення порядку призначення соціальних допомог",
        "За інформацією, наданою Мінсоцполітики, проєкт постанови розроблено та 14.09.2018 внесено на розгляд Кабінету Міністрів України.",
        "done",
        "За інформацією, наданою Мінсоцполітики, проєкт постанови перебуває на стадії доопрацювання з урахуванням зауважень Мін'юсту.",
        "in_progress",
        "same frame; the reported fact is a submitted draft vs a draft still being reworked.",
    ),
    Pair(
        "monitoring_voice",
        "Приведення положення про уповноважений підрозділ Державної митної служби у відповідність до Типового положення",
        "Національне агентство констатує, що захід не виконано: положення про уповноважений підрозділ у відповідність до Типового положення не приведено.",
        "in_progress",
        "Національне агентство констатує, що потреба у виконанні заходу відпала, оскільки Типове положення, якому мало відповідати положення про підрозділ, втратило чинність.",
        "not_applicable",
        "the NAZK's frame is constant; it reports an unfinished measure vs one whose object no longer exists.",
    ),
    Pair(
        "monitoring_voice",
        "Забезпечення функціонування внутрішніх каналів повідомлення про можливі факти корупції в ГУ ДПС у Вінницькій області",
        "Згідно з відповіддю ГУ ДПС від 12.01.2024 № 215/5, внутрішні канали повідомлення функціонують на постійній основі.",
        "boilerplate",
        "Згідно з відповіддю ГУ ДПС від 12.01.2024 № 215/5, 03.04.2023 запроваджено окрему телефонну лінію та електронну скриньку для повідомлень про корупцію (наказ від 31.03.2023 № 118).",
        "done",
        "the reply letter is only the frame; the reported content is a standing state vs a dated act with an order.",
    ),
    Pair(
        "monitoring_voice",
        "Розгляд повідомлень про корупцію, що надійшли на спеціальну телефонну лінію міської ради",
        "Виконавець повідомив, що повідомлень про корупцію на спеціальну телефонну лінію у 2022 році не надходило.",
        "not_applicable",
        "Виконавець повідомив, що розгляд двох повідомлень, які надійшли на спеціальну телефонну лінію у грудні 2022 року, триває.",
        "in_progress",
        "same frame; no reports arrived (no trigger) vs two reports under review.",
    ),
    Pair(
        "monitoring_voice",
        "Оприлюднення звіту про виконання антикорупційної програми облдержадміністрації за 2019 рік",
        "Інформацію не надано. Захід вважається невиконаним.",
        "in_progress",
        "Звіт оприлюднено на веб-сайті облдержадміністрації 21.02.2020. Захід вважається виконаним.",
        "done",
        "the monitor's own verdict («вважається невиконаним» / «вважається виконаним») is the status.",
    ),
    Pair(
        "monitoring_voice",
        "Проведення навчань для посадових осіб ДСНС з питань заповнення декларацій",
        "24.02.2020 проведено навчання з питань декларування для 31 посадової особи ДСНС.",
        "done",
        "Відповідальним виконавцем повідомлено, що 24.02.2020 проведено навчання з питань декларування для 31 посадової особи ДСНС.",
        "done",
        "control: own voice vs a monitor relaying the executor; the fact (a dated training) is the same.",
    ),
    Pair(
        "monitoring_voice",
        "Вжиття заходів реагування у разі виявлення порушень під час проведення закупівель КНП «Центр первинної медико-санітарної допомоги»",
        "Порушень під час проведення закупівель у 2021 році не виявлено.",
        "not_applicable",
        "Згідно з інформацією, наданою КНП, порушень під час проведення закупівель у 2021 році не виявлено.",
        "not_applicable",
        "control: the no-violations fact (no trigger) with and without the reporting frame.",
    ),
    Pair(
        "monitoring_voice",
        "Забезпечення дотримання працівниками ГУНП правил етичної поведінки",
        "Робота із забезпечення дотримання правил етичної поведінки триває постійно.",
        "boilerplate",
        "Головне управління Національної поліції інформує, що робота із забезпечення дотримання правил етичної поведінки триває постійно.",
        "boilerplate",
        "control: a habitual claim stays boilerplate when relayed («… інформує, що …»).",
    ),
    Pair(
        "monitoring_voice",
        "Затвердження порядку проведення службових розслідувань у системі Пенсійного фонду України",
        "Порядок проведення службових розслідувань не затверджено.",
        "in_progress",
        "Стан виконання: не виконано. За інформацією Пенсійного фонду України, порядок проведення службових розслідувань не затверджено.",
        "in_progress",
        "control: own admission vs the monitor's verdict plus the relayed admission; the procedure is owed either way.",
    ),
    Pair(
        "monitoring_voice",
        "Забезпечення доступу громадськості до інформації про використання бюджетних коштів міською радою та комунальними підприємствами",
        "Стан виконання: виконано частково. Інформацію про використання бюджетних коштів за 2017 рік оприлюднено на порталі «Є-data», звіти комунальних підприємств не оприлюднено.",
        "in_progress",
        "Стан виконання: виконано. Інформацію про використання бюджетних коштів за 2017 рік міською радою та всіма комунальними підприємствами оприлюднено на порталі «Є-data».",
        "done",
        "the monitor's verdict and the reported scope change together: partial (the enterprises' reports missing) vs complete.",
    ),
    Pair(
        "monitoring_voice",
        "Ініціювання службових розслідувань щодо працівників апаратів судів, стосовно яких складено протоколи про корупційні правопорушення",
        "Державна судова адміністрація листом від 08.07.2025 № 12-4410/25 повідомила, що протоколи про корупційні правопорушення стосовно працівників апаратів судів у І півріччі 2025 року не складались.",
        "not_applicable",
        "Державна судова адміністрація листом від 08.07.2025 № 12-4410/25 повідомила, що за двома протоколами про корупційні правопорушення ініційовано службові розслідування, які завершено, а винних осіб притягнуто до дисциплінарної відповідальності.",
        "done",
        "same letter as frame; no protocols (no trigger) vs two inquiries opened and finished.",
    ),
    Pair(
        "monitoring_voice",
        "Розроблення законопроєкту щодо надання цифрових адміністративних послуг",
        "За даними Мінцифри, законопроєкт щодо цифрових адміністративних послуг буде подано на розгляд Кабінету Міністрів України у ІІ кварталі 2022 року.",
        "in_progress",
        "За даними Мінцифри, законопроєкт щодо цифрових адміністративних послуг подано на розгляд Кабінету Міністрів України 19.05.2022 (лист від 19.05.2022 № 1/06-3-3911).",
        "done",
        "same frame; the reported submission is promised vs made on a date with a letter.",
    ),
    Pair(
        "monitoring_voice",
        "Визначення уповноваженої особи з питань запобігання та виявлення корупції у сільській раді",
        "Виконавець повідомив, що захід виконано, однак копії розпорядження про визначення уповноваженої особи не надав, тому захід вважається невиконаним.",
        "in_progress",
        "Виконавець повідомив, що уповноважену особу з питань запобігання корупції визначено розпорядженням сільського голови від 16.03.2020 № 27-к, копію розпорядження надано.",
        "done",
        "the executor's claim is overruled by the monitor's verdict «вважається невиконаним» vs a claim backed by the order.",
    ),
]


CATEGORICAL = [
    Pair(
        "categorical",
        "Забезпечення своєчасного подання декларацій працівниками загальноосвітньої школи І-ІІІ ступенів",
        "Виконано",
        "done",
        "Виконується",
        "in_progress",
        "finished category vs ongoing category.",
    ),
    Pair(
        "categorical",
        "Організація роботи з повідомленнями про корупцію в обласній раді",
        "Виконується.",
        "in_progress",
        "Виконується постійно.",
        "boilerplate",
        "the qualifier «постійно» turns an ongoing category into a compliance claim.",
    ),
    Pair(
        "categorical",
        "Оприлюднення інформації про закупівлі КП «Міськсвітло» на веб-порталі Prozorro",
        "+",
        "done",
        "-",
        "boilerplate",
        "«+» is a finished category; «-» is a non-answer, not a negation.",
    ),
    Pair(
        "categorical",
        "Наявність затвердженого плану заходів щодо запобігання корупції в управлінні Пенсійного фонду",
        "так",
        "done",
        "ні",
        "in_progress",
        "«так» is finished; «ні» is the categorical «not done», still owed.",
    ),
    Pair(
        "categorical",
        "Проведення оцінки корупційних ризиків у діяльності територіального управління ДСА",
        "Виконано частково",
        "in_progress",
        "Виконано",
        "done",
        "«частково» makes the finished category unfinished.",
    ),
    Pair(
        "categorical",
        "Розміщення інформаційних стендів з питань запобігання корупції у приміщенні сільської ради",
        "Не розпочато",
        "in_progress",
        "х",
        "boilerplate",
        "«Не розпочато» is an admission (owed); «х» is a non-answer.",
    ),
    Pair(
        "categorical",
        "Організація підвищення кваліфікації працівників ДСНС з питань запобігання корупції",
        "ВИКОНАНО 100%: підвищення кваліфікації працівників здійснюється на постійній основі згідно з планом-графіком.",
        "done",
        "Виконано частково: підвищення кваліфікації працівників здійснюється на постійній основі згідно з планом-графіком.",
        "in_progress",
        "same habitual details; «ВИКОНАНО 100%:» is a finished claim, «Виконано частково:» makes the cell unfinished.",
    ),
    Pair(
        "categorical",
        "Затвердження положення про комісію з питань етики університету",
        "Виконано.",
        "done",
        "Виконаний",
        "done",
        "control: two forms of the finished category.",
    ),
    Pair(
        "categorical",
        "Впровадження електронного документообігу в апараті Міністерства",
        "В процесі",
        "in_progress",
        "У стадії виконання.",
        "in_progress",
        "control: two ongoing categories without a compliance qualifier.",
    ),
    Pair(
        "categorical",
        "Перегляд посадових інструкцій працівників митниці з урахуванням антикорупційних вимог",
        "Виконано у встановлені терміни.",
        "done",
        "Виконано.",
        "done",
        "control: the qualifier does not change a finished category (only the evidence flag).",
    ),
    Pair(
        "categorical",
        "Забезпечення контролю за дотриманням обмежень щодо сумісництва працівниками відділу поліції",
        "Виконується відповідно до законодавства",
        "boilerplate",
        "Виконується належним чином.",
        "boilerplate",
        "control: two compliance qualifiers on an ongoing category.",
    ),
    Pair(
        "categorical",
        "Подання звітів про виконання антикорупційної програми КНП «Обласна клінічна лікарня»",
        "Виконано у встановлені терміни",
        "done",
        "Виконується у встановлені терміни",
        "boilerplate",
        "the same qualifier keeps a finished category done but makes an ongoing one boilerplate.",
    ),
    Pair(
        "categorical",
        "Перевірка достовірності відомостей про освіту кандидатів на посади в райдержадміністрації",
        "Постійно",
        "boilerplate",
        "Не виконано",
        "in_progress",
        "«Постійно» only asserts compliance; «Не виконано» is an admission that the check is owed.",
    ),
]


SHORT_AND_LONG = [
    Pair(
        "short_and_long",
        "Проведення навчання депутатів міської ради з питань конфлікту інтересів",
        "Проведено.",
        "done",
        "Не проведено.",
        "in_progress",
        "one word: the own action affirmed vs negated.",
    ),
    Pair(
        "short_and_long",
        "Розгляд звернень громадян щодо корупційних проявів у ЦНАП",
        "Звернень не надходило.",
        "not_applicable",
        "Звернення розглянуто.",
        "done",
        "two words: no trigger vs the requests handled.",
    ),
    Pair(
        "short_and_long",
        "Затвердження наказу про визначення відповідальних за вхідний контроль декларацій в ГУ ДПС",
        "Наказ підписано 12.03.2021.",
        "done",
        "Наказ на підписі.",
        "in_progress",
        "three words: signed on a date vs awaiting signature.",
    ),
    Pair(
        "short_and_long",
        "Оновлення інформаційного куточка з питань академічної доброчесності та запобігання корупції в школі",
        "Протягом року.",
        "boilerplate",
        "Заплановано на грудень.",
        "in_progress",
        "a vague time span says nothing; a plan for a month is owed work.",
    ),
    Pair(
        "short_and_long",
        "Оприлюднення рішень селищної ради щодо відчуження комунального майна",
        "Оприлюднено на сайті.",
        "done",
        "Розміщено на сайті",
        "done",
        "control: two verbs for the same finished publication.",
    ),
    Pair(
        "short_and_long",
        "Проведення аналізу практики застосування антикорупційних обмежень в університеті",
        "Триває.",
        "in_progress",
        "Роботу розпочато.",
        "in_progress",
        "control: started and ongoing are both unfinished.",
    ),
    Pair(
        "short_and_long",
        "Внесення змін до антикорупційної програми селищної ради за результатами моніторингу",
        "Потреби не було.",
        "not_applicable",
        "Зміни не внесено.",
        "in_progress",
        "three words: no need (measure did not apply) vs own action not done.",
    ),
    Pair(
        "short_and_long",
        "Організація навчання працівників ГУ ПФУ в Житомирській області з питань запобігання корупції",
        "Головним управлінням Пенсійного фонду України в Житомирській області забезпечується організація навчання працівників з питань запобігання та виявлення корупції. "
        "Навчання здійснюється відповідно до Плану заходів, затвердженого на 2021 рік. "
        "Працівники на постійній основі ознайомлюються з роз’ясненнями та методичними рекомендаціями НАЗК. "
        "Уповноважена особа з питань запобігання корупції надає консультації щодо дотримання обмежень, передбачених Законом України «Про запобігання корупції». "
        "Інформаційні матеріали розміщуються на внутрішньому порталі управління. "
        "29.09.2021 проведено навчання з питань етичної поведінки та конфлікту інтересів для 64 працівників відділів обслуговування громадян. "
        "Особлива увага приділяється працівникам, які вперше прийняті на службу. "
        "Питання дотримання антикорупційного законодавства розглядаються на оперативних нарадах. "
        "Керівники структурних підрозділів забезпечують контроль за участю працівників у навчальних заходах. "
        "Робота в цьому напрямку здійснюється систематично.",
        "done",
        "Головним управлінням Пенсійного фонду України в Житомирській області забезпечується організація навчання працівників з питань запобігання та виявлення корупції. "
        "Навчання здійснюється відповідно до Плану заходів, затвердженого на 2021 рік. "
        "Працівники на постійній основі ознайомлюються з роз’ясненнями та методичними рекомендаціями НАЗК. "
        "Уповноважена особа з питань запобігання корупції надає консультації щодо дотримання обмежень, передбачених Законом України «Про запобігання корупції». "
        "Інформаційні матеріали розміщуються на внутрішньому порталі управління. "
        "Навчання з питань етичної поведінки та конфлікту інтересів для працівників відділів обслуговування громадян, заплановане на ІІІ квартал, перенесено на 2022 рік. "
        "Особлива увага приділяється працівникам, які вперше прийняті на службу. "
        "Питання дотримання антикорупційного законодавства розглядаються на оперативних нарадах. "
        "Керівники структурних підрозділів забезпечують контроль за участю працівників у навчальних заходах. "
        "Робота в цьому напрямку здійснюється систематично.",
        "in_progress",
        "ten sentences, nine habitual; the sixth reports the training held (done) vs postponed to next year (owed).",
    ),
    Pair(
        "short_and_long",
        "Розгляд повідомлень про порушення вимог Закону України «Про запобігання корупції» у виконавчих органах міської ради",
        "Виконавчий комітет міської ради забезпечує належні умови для повідомлення про можливі факти корупційних правопорушень. "
        "Функціонують спеціальна телефонна лінія, скринька для письмових повідомлень та адреса електронної пошти. "
        "Інформація про канали повідомлення розміщена на офіційному веб-сайті та на інформаційних стендах у приміщенні виконкому. "
        "Повідомлення можуть бути подані анонімно. "
        "Розгляд повідомлень здійснюється уповноваженою особою у строки, визначені законодавством. "
        "Працівникам систематично роз’яснюються гарантії захисту викривачів. "
        "Конфіденційність інформації про особу викривача забезпечується. "
        "У 2019 році повідомлень про порушення вимог Закону до виконавчого комітету не надходило. "
        "Питання постійно перебуває на контролі міського голови.",
        "not_applicable",
        "Виконавчий комітет міської ради забезпечує належні умови для повідомлення про можливі факти корупційних правопорушень. "
        "Функціонують спеціальна телефонна лінія, скринька для письмових повідомлень та адреса електронної пошти. "
        "Інформація про канали повідомлення розміщена на офіційному веб-сайті та на інформаційних стендах у приміщенні виконкому. "
        "Повідомлення можуть бути подані анонімно. "
        "Розгляд повідомлень здійснюється уповноваженою особою у строки, визначені законодавством. "
        "Працівникам систематично роз’яснюються гарантії захисту викривачів. "
        "Конфіденційність інформації про особу викривача забезпечується. "
        "Протягом 2019 року розгляд повідомлень забезпечувався з дотриманням вимог законодавства. "
        "Питання постійно перебуває на контролі міського голови.",
        "boilerplate",
        "nine sentences; the eighth says no reports came (no trigger, precedence) vs restates compliance.",
    ),
    Pair(
        "short_and_long",
        "Проведення оцінки корупційних ризиків у діяльності Міністерства аграрної політики та продовольства",
        "До складу Комісії з оцінки корупційних ризиків входять представники основних структурних підрозділів апарату Міністерства. "
        "Оцінка корупційних ризиків здійснюється відповідно до Методології оцінювання корупційних ризиків у діяльності органів влади. "
        "Комісією проводиться ідентифікація корупційних ризиків у нормативно-правових актах та організаційно-розпорядчих документах. "
        "Структурні підрозділи надають Комісії інформацію про свої функції та процедури. "
        "Під час оцінки враховуються результати розгляду звернень громадян і публікацій у засобах масової інформації. "
        "Члени Комісії визначають ймовірність та наслідки реалізації кожного ризику. "
        "Звіт за результатами оцінки корупційних ризиків затверджено наказом Міністерства від 27.10.2017 № 540 та направлено до НАЗК. "
        "Заходи щодо усунення ідентифікованих ризиків враховуються під час підготовки антикорупційної програми. "
        "Робота Комісії здійснюється у взаємодії з уповноваженим підрозділом. "
        "Питання оцінки корупційних ризиків розглядається на нарадах у керівництва.",
        "done",
        "До складу Комісії з оцінки корупційних ризиків входять представники основних структурних підрозділів апарату Міністерства. "
        "Оцінка корупційних ризиків здійснюється відповідно до Методології оцінювання корупційних ризиків у діяльності органів влади. "
        "Комісією проводиться ідентифікація корупційних ризиків у нормативно-правових актах та організаційно-розпорядчих документах. "
        "Структурні підрозділи надають Комісії інформацію про свої функції та процедури. "
        "Під час оцінки враховуються результати розгляду звернень громадян і публікацій у засобах масової інформації. "
        "Члени Комісії визначають ймовірність та наслідки реалізації кожного ризику. "
        "Звіт за результатами оцінки корупційних ризиків на сьогодні перебуває на стадії доопрацювання. "
        "Заходи щодо усунення ідентифікованих ризиків враховуються під час підготовки антикорупційної програми. "
        "Робота Комісії здійснюється у взаємодії з уповноваженим підрозділом. "
        "Питання оцінки корупційних ризиків розглядається на нарадах у керівництва.",
        "in_progress",
        "ten sentences; the seventh: the report approved by a dated order (done) vs still being reworked (owed).",
    ),
    Pair(
        "short_and_long",
        "Розгляд скарг пацієнтів на вимагання неправомірної вигоди медичним персоналом КНП «Міська клінічна лікарня № 4»",
        "Скарг не надходило.",
        "not_applicable",
        "У КНП «Міська клінічна лікарня № 4» визначено порядок прийому та реєстрації скарг пацієнтів. "
        "Скриньки для скарг та пропозицій розміщені у приймальному відділенні та на кожному поверсі. "
        "Номер телефону довіри зазначено на інформаційних стендах. "
        "Пацієнтів інформують про заборону будь-яких неофіційних платежів. "
        "Завідувачі відділень щомісяця проводять бесіди з персоналом щодо неприпустимості вимагання неправомірної вигоди. "
        "Уповноважена особа щотижня оглядає вміст скриньок. "
        "У 2023 році скарг пацієнтів на вимагання неправомірної вигоди медичним персоналом не надходило. "
        "Робота із запобігання корупційним проявам у лікарні здійснюється на постійній основі.",
        "not_applicable",
        "control: two words vs eight sentences around the same missing trigger; precedence keeps not_applicable.",
    ),
    Pair(
        "short_and_long",
        "Здійснення контролю за дотриманням вимог щодо запобігання та врегулювання конфлікту інтересів в апараті райдержадміністрації",
        "Контроль за дотриманням вимог щодо запобігання та врегулювання конфлікту інтересів належить до обов’язків головного спеціаліста з питань запобігання та виявлення корупції апарату райдержадміністрації. "
        "Працівникам апарату та структурних підрозділів постійно нагадується про обов’язок повідомляти про наявність реального чи потенційного конфлікту інтересів. "
        "Методичні рекомендації НАЗК щодо запобігання та врегулювання конфлікту інтересів доводяться до відома працівників. "
        "Під час прийняття на службу кандидатів інформують про обмеження, встановлені законодавством. "
        "Керівники структурних підрозділів забезпечують дотримання вимог у підпорядкованих підрозділах. "
        "Консультації з питань конфлікту інтересів надаються за зверненнями працівників. "
        "Контроль здійснюється відповідно до вимог чинного законодавства. "
        "Стан роботи періодично аналізується. "
        "Роз’яснювальна робота проводиться на нарадах при голові райдержадміністрації. "
        "Робота у цьому напрямку має системний характер.",
        "boilerplate",
        "Контроль за дотриманням вимог щодо запобігання та врегулювання конфлікту інтересів належить до обов’язків головного спеціаліста з питань запобігання та виявлення корупції апарату райдержадміністрації. "
        "Працівникам апарату та структурних підрозділів постійно нагадується про обов’язок повідомляти про наявність реального чи потенційного конфлікту інтересів. "
        "Методичні рекомендації НАЗК щодо запобігання та врегулювання конфлікту інтересів доводяться до відома працівників. "
        "Під час прийняття на службу кандидатів інформують про обмеження, встановлені законодавством. "
        "Керівники структурних підрозділів забезпечують дотримання вимог у підпорядкованих підрозділах. "
        "Консультації з питань конфлікту інтересів надаються за зверненнями працівників. "
        "Питання щодо врегулювання конфлікту інтересів розглядаються в робочому порядку. "
        "Стан роботи періодично аналізується. "
        "Роз’яснювальна робота проводиться на нарадах при голові райдержадміністрації. "
        "Робота у цьому напрямку має системний характер.",
        "boilerplate",
        "control: ten habitual sentences; the seventh swaps one formula for another, nothing specific either way.",
    ),
    Pair(
        "short_and_long",
        "Затвердження порядку роботи з повідомленнями викривачів в Одеській митниці",
        "Відповідно до Закону України «Про запобігання корупції» митниця забезпечує умови для здійснення повідомлень про можливі факти корупційних правопорушень. "
        "Сектор з питань запобігання та виявлення корупції у своїй роботі керується Методичними рекомендаціями НАЗК щодо організації роботи з повідомленнями. "
        "Під час підготовки документа враховуються вимоги щодо конфіденційності та анонімності повідомлень. "
        "Повідомлення приймаються через телефонну лінію, електронну пошту та Єдиний портал повідомлень викривачів. "
        "Строки попередньої перевірки та розгляду повідомлень відповідають законодавству. "
        "Порядок роботи з повідомленнями викривачів затверджено наказом митниці від 14.05.2024 № 233. "
        "Працівники митниці інформуються про порядок і гарантії захисту викривачів. "
        "Інформація про канали повідомлення розміщується на офіційному веб-сайті та в пунктах пропуску. "
        "Дотримання порядку перебуває на контролі керівництва.",
        "done",
        "Відповідно до Закону України «Про запобігання корупції» митниця забезпечує умови для здійснення повідомлень про можливі факти корупційних правопорушень. "
        "Сектор з питань запобігання та виявлення корупції у своїй роботі керується Методичними рекомендаціями НАЗК щодо організації роботи з повідомленнями. "
        "Під час підготовки документа враховуються вимоги щодо конфіденційності та анонімності повідомлень. "
        "Повідомлення приймаються через телефонну лінію, електронну пошту та Єдиний портал повідомлень викривачів. "
        "Строки попередньої перевірки та розгляду повідомлень відповідають законодавству. "
        "Проєкт наказу про затвердження Порядку роботи з повідомленнями викривачів погоджено юридичним відділом, підписання очікується. "
        "Працівники митниці інформуються про порядок і гарантії захисту викривачів. "
        "Інформація про канали повідомлення розміщується на офіційному веб-сайті та в пунктах пропуску. "
        "Дотримання порядку перебуває на контролі керівництва.",
        "in_progress",
        "nine sentences; the sixth: the procedure approved by order (done) vs the draft order awaiting signature (owed).",
    ),
]


NOISE = [
    Pair(
        "noise",
        "Проведення навчання працівників ГУ ДПС у Сумській області з питань декларування",
        "Навчання проведено 15.03.2022 для 27 працівників.",
        "done",
        "Навчання проведно 15.03.2022 для 27 працвників.",
        "done",
        "control: two typos (dropped letters) are the only difference.",
    ),
    Pair(
        "noise",
        "Розгляд скарг на дії працівників територіального сервісного центру МВС",
        "Скарг не надходило.",
        "not_applicable",
        "Cкapг нe нaдxoдилo.",
        "not_applicable",
        "control: Latin C, a, p, e, x, o inside the Cyrillic words; same content.",
    ),
    Pair(
        "noise",
        "Оприлюднення антикорупційної програми Національного університету на офіційному веб-сайті",
        "Антикорупційну програму університету на 2019 рік оприлюднено на офіційному веб-сайті 04.02.2019.",
        "done",
        "Антикорупційну програму університету на 2019 рік оприлюд-\nнено на офіційному веб-\nсайті 04.02.2019.",
        "done",
        "control: words broken by hyphens at line ends («оприлюд-нено»).",
    ),
    Pair(
        "noise",
        "Проведення роз'яснювальної роботи серед працівників КП «Житлосервіс» щодо обмежень після звільнення",
        "Постійно проводиться роз'яснювальна робота з працівниками підприємства щодо обмежень після припинення діяльності.",
        "boilerplate",
        "Постійно&nbsp;проводиться роз'яснювальна робота<br>з працівниками підприємства&nbsp;щодо обмежень після припинення діяльності.<br/>",
        "boilerplate",
        "control: HTML debris (&nbsp;, <br>, <br/>) around the same habitual sentence.",
    ),
    Pair(
        "noise",
        "Затвердження плану заходів щодо усунення корупційних ризиків у Головному управлінні Держгеокадастру",
        "Захід не виконано.",
        "in_progress",
        "ЗАХІД НЕ ВИКОНАНО.",
        "in_progress",
        "control: capitals only.",
    ),
    Pair(
        "noise",
        "Перевірка дотримання обмежень щодо сумісництва працівниками районної ради",
        "Перевiрку прведено 11.11.2020, порушень не виявлнео.",
        "done",
        "Порушень не виявлнео.",
        "not_applicable",
        "under typos and a Latin i: the check named (done, «no violations» is its result) vs only the trigger negated.",
    ),
    Pair(
        "noise",
        "Проведення семінару для членів тендерного комітету обласного центру екстреної медичної допомоги",
        "Семінар для членів тендерного комітету не про-\nведено.",
        "in_progress",
        "Семінар для членів тендерного комітету про-\nведено 23.05.2023.",
        "done",
        "the line break inside «проведено» is shared; the decisive «не» is present in one cell only.",
    ),
    Pair(
        "noise",
        "Розгляд звернень громадян щодо дій посадових осіб Головного управління Пенсійного фонду",
        "Звернень&nbsp;не&nbsp;надходило.<br>",
        "not_applicable",
        "Звернення&nbsp;розглянуто,<br>відповіді надано заявникам 12.11.2020.",
        "done",
        "under HTML debris: no requests (no trigger) vs requests answered on a date.",
    ),
    Pair(
        "noise",
        "Забезпечення дотримання вимог щодо повідомлення про суттєві зміни в майновому стані працівниками апарату суду",
        "ВИКОНУЄТЬСЯ ПОСТІЙНО",
        "boilerplate",
        "ВИКОНАНО",
        "done",
        "in capitals: an ongoing category with a compliance qualifier vs a finished category.",
    ),
    Pair(
        "noise",
        "Проведення навчань з питань доброчесності для учнівського самоврядування ліцею",
        "Зaплановано нa IV квартал 2024 р.",
        "in_progress",
        "Прoведено у IV кварталі 2024 р.",
        "done",
        "Latin a / o inside words; a plan (owed) vs carried out in the quarter.",
    ),
    Pair(
        "noise",
        "Вжиття заходів щодо врегулювання конфлікту інтересів у діяльності посадових осіб селищної ради",
        "Конфлікту інтерсів у звітному періоді не виниакло.",
        "not_applicable",
        "Конфлікт інтерсів урегульовано розпорядженням селищного голови від 03.07.2018 № 51-к.",
        "done",
        "under typos: no conflict arose (no trigger) vs a conflict settled by a dated order.",
    ),
    Pair(
        "noise",
        "Оприлюднення звіту про виконання антикорупційної програми КП «Міськводоканал»",
        "ВИКОНАНО ЧАСТКОВО<br>",
        "in_progress",
        "ВИКОНАНО<br>",
        "done",
        "capitals and <br> on both sides; «ЧАСТКОВО» makes the category unfinished.",
    ),
    Pair(
        "noise",
        "Ознайомлення працівників митного поста з Кодексом поведінки посадових осіб митниці",
        "Ознaйомлення працівників здiйснюється пiд час оперативних нарад.",
        "boilerplate",
        "Ознaйомлено пiд пiдпис 19 працiвникiв митного поста.",
        "done",
        "Latin a and i in both cells; a habitual routine vs 19 employees acquainted under signature.",
    ),
]


RUSSIAN_SURZHYK = [
    Pair(
        "russian_surzhyk",
        "Розгляд скарг споживачів на дії працівників КП «Харківські теплові мережі»",
        "Жалоб не поступало.",
        "not_applicable",
        "Скарг не надходило.",
        "not_applicable",
        "control: the same missing trigger in Russian and in Ukrainian.",
    ),
    Pair(
        "russian_surzhyk",
        "Проведення навчання працівників Одеської митниці з питань запобігання корупції",
        "Проведено обучение для 18 сотрудников 14.04.2017.",
        "done",
        "Проведено навчання для 18 працівників 14.04.2017.",
        "done",
        "control: surzhyk («обучение», «сотрудников») vs Ukrainian for the same dated training.",
    ),
    Pair(
        "russian_surzhyk",
        "Затвердження плану заходів щодо запобігання корупції у ДП «Луганськвугілля»",
        "Приказом від 02.03.2018 № 41 затверджено план заходів щодо запобігання корупції.",
        "done",
        "Наказом від 02.03.2018 № 41 затверджено план заходів щодо запобігання корупції.",
        "done",
        "control: «Приказом» vs «Наказом»; the same approval.",
    ),
    Pair(
        "russian_surzhyk",
        "Контроль за дотриманням вимог антикорупційного законодавства в управлінні житлово-комунального господарства міської ради",
        "Выполняется постоянно в соответствии с действующим законодательством.",
        "boilerplate",
        "Виконується постійно відповідно до чинного законодавства.",
        "boilerplate",
        "control: a compliance claim in Russian and in Ukrainian.",
    ),
    Pair(
        "russian_surzhyk",
        "Затвердження порядку проведення службових розслідувань у Головному управлінні ДСНС у Донецькій області",
        "Проект приказу находиться на согласовании.",
        "in_progress",
        "Проєкт наказу перебуває на погодженні.",
        "in_progress",
        "control: a draft under approval in surzhyk and in Ukrainian.",
    ),
    Pair(
        "russian_surzhyk",
        "Проведення перевірок за скаргами на дії працівників КП «Горводоканал»",
        "Жалоб не поступало.",
        "not_applicable",
        "Проверка не проведена.",
        "in_progress",
        "Russian: no complaints (no trigger) vs the check itself not carried out (owed).",
    ),
    Pair(
        "russian_surzhyk",
        "Оновлення переліку посад, пов'язаних з високим рівнем корупційних ризиків, у міському відділі освіти",
        "Выполнено",
        "done",
        "Выполнено частично",
        "in_progress",
        "Russian categories: finished vs partly finished.",
    ),
    Pair(
        "russian_surzhyk",
        "Проведення навчання для працівників районної лікарні щодо заборони одержання неправомірної вигоди",
        "Обучение запланировано на II квартал 2016 года.",
        "in_progress",
        "Обучение проведено 22.06.2016 для 40 сотрудников больницы.",
        "done",
        "Russian: a plan (owed) vs a dated training.",
    ),
    Pair(
        "russian_surzhyk",
        "Вжиття заходів щодо врегулювання конфлікту інтересів у діяльності працівників Маріупольської міської ради",
        "Конфликта интересов не выявлено.",
        "not_applicable",
        "Постоянно проводится разъяснительная работа по предотвращению конфликта интересов.",
        "boilerplate",
        "Russian: no conflict found (no trigger) vs habitual explanatory work.",
    ),
    Pair(
        "russian_surzhyk",
        "Перевірка факту подання декларацій працівниками Луганського обласного центру зайнятості",
        "Перевірка декларацій проведена, нарушеній не виявлено.",
        "done",
        "Нарушеній не виявлено.",
        "not_applicable",
        "surzhyk: the check named (its result is no violations) vs only the violations negated.",
    ),
    Pair(
        "russian_surzhyk",
        "Розроблення антикорупційної програми КП «Донецькміськсвітло» на 2020 рік",
        "Работа приостановлена в связи с реорганизацией предприятия.",
        "in_progress",
        "Предприятие не осуществляет хозяйственную деятельность.",
        "not_applicable",
        "Russian: suspended by reorganisation (owed) vs the enterprise does not operate (no object).",
    ),
    Pair(
        "russian_surzhyk",
        "Здійснення контролю за використанням службового автотранспорту в Головному управлінні Національної поліції",
        "На постоянній основі проводиться контроль за використанням автотранспорту.",
        "boilerplate",
        "Проведено 3 контрольних провєрки використання автотранспорту, акти від 14.02.2019, 16.05.2019 та 19.09.2019.",
        "done",
        "surzhyk: habitual control vs three checks with dated acts.",
    ),
    Pair(
        "russian_surzhyk",
        "Розміщення інформації про стан виконання антикорупційної програми на офіційному сайті Запорізької обласної ради",
        "Информация размещена на официальном сайте 03.02.2020.",
        "done",
        "Информация будет размещена на официальном сайте.",
        "in_progress",
        "Russian: published on a date vs promised.",
    ),
]


MIXED_CELLS = [
    Pair(
        "mixed_cells",
        "Розроблення концепції та формування робочих груп з оцінки корупційних ризиків у діяльності Міністерства юстиції",
        "Розроблено концепцію оцінки корупційних ризиків, однак робочі групи не сформовано.",
        "in_progress",
        "Розроблено концепцію оцінки корупційних ризиків, яку погоджено на нараді у заступника Міністра 06.06.2019.",
        "done",
        "the concept done with the groups explicitly not formed vs the concept step reported alone, finished and dated.",
    ),
    Pair(
        "mixed_cells",
        "Створення робочої групи та затвердження порядку перевірки достовірності відомостей в анкетах кандидатів на посади в ГУ ДПС",
        "Створено робочу групу (наказ від 02.02.2022 № 14). Порядок перевірки не затверджено.",
        "in_progress",
        "Створено робочу групу (наказ від 02.02.2022 № 14); розроблений нею порядок перевірки затверджено наказом від 30.06.2022 № 161.",
        "done",
        "the group formed but the procedure not approved vs the procedure approved too.",
    ),
    Pair(
        "mixed_cells",
        "Затвердження положення про антикорупційного уповноваженого комунального некомерційного підприємства «Обласний онкологічний центр»",
        "Проєкт наказу про затвердження положення погоджено всіма структурними підрозділами, підписання очікується.",
        "in_progress",
        "Наказ про затвердження положення підписано директором 17.11.2021 (№ 212-о).",
        "done",
        "draft approved by units but unsigned vs the order signed.",
    ),
    Pair(
        "mixed_cells",
        "Проведення навчань для працівників ЦНАП з питань запобігання корупції згідно з графіком",
        "Проведено 2 з 4 запланованих навчань, решту перенесено на ІІ півріччя 2020 року.",
        "in_progress",
        "Проведено всі 4 заплановані навчання (березень, травень, вересень, листопад 2020 року).",
        "done",
        "half the trainings with the rest postponed vs all four held.",
    ),
    Pair(
        "mixed_cells",
        "Проведення перевірок відповідно до Закону України «Про очищення влади» щодо працівників апарату облдержадміністрації",
        "Станом на 25.09.2019 завершено 10 перевірок та розпочато 9 перевірок.",
        "in_progress",
        "Станом на 25.09.2019 завершено 19 перевірок, порушень заборон не встановлено.",
        "done",
        "finished checks alongside checks only started vs all checks finished with a result.",
    ),
    Pair(
        "mixed_cells",
        "Формування плану заходів щодо усунення корупційних ризиків у діяльності міської ради на 2023 рік",
        "Зібрано пропозиції структурних підрозділів; проєкт плану заходів ще не сформовано.",
        "in_progress",
        "Зібрано та узагальнено пропозиції 14 структурних підрозділів до плану заходів.",
        "done",
        "the proposals step done with the plan explicitly not yet drafted vs the step reported alone (a finished act).",
    ),
    Pair(
        "mixed_cells",
        "Придбання та встановлення системи електронної черги в залі обслуговування пенсійного фонду",
        "Технічне завдання затверджено, оголошено закупівлю в системі Prozorro; договір ще не укладено.",
        "in_progress",
        "Технічне завдання затверджено, оголошено закупівлю в системі Prozorro, процедура триває.",
        "in_progress",
        "control: two ways of saying the purchase is under way after the specification step.",
    ),
    Pair(
        "mixed_cells",
        "Внесення змін до посадових інструкцій працівників відділу кадрів з урахуванням роз'яснень НАЗК",
        "Направлено запит до НАЗК щодо роз'яснення окремих положень законодавства (лист від 11.02.2025 № 03-17/208).",
        "done",
        "Після отримання роз'яснення НАЗК внесено зміни до посадових інструкцій працівників відділу кадрів (наказ від 24.03.2025 № 47-ОС).",
        "done",
        "control: the preparatory request alone (a finished act, nothing said of the rest) vs the measure completed.",
    ),
    Pair(
        "mixed_cells",
        "Оприлюднення квартальних звітів про використання коштів комунальними закладами культури",
        "Оприлюднено 3 з 5 звітів комунальних закладів культури; оприлюднення решти буде забезпечено до 15.08.2021.",
        "in_progress",
        "Звіти всіх 5 комунальних закладів культури оприлюднено на сайті управління культури.",
        "done",
        "three of five published with the rest promised vs all five published.",
    ),
    Pair(
        "mixed_cells",
        "Впровадження програмного забезпечення для автоматизованого обліку матеріальних цінностей у Головному управлінні Держпраці",
        "Технічне завдання на програмне забезпечення розроблено, однак закупівлю не проведено через відсутність коштів.",
        "in_progress",
        "Технічне завдання на програмне забезпечення розроблено та погоджено 11.05.2023.",
        "done",
        "the specification done with the purchase explicitly not made vs the specification step alone.",
    ),
    Pair(
        "mixed_cells",
        "Підготовка змін до антикорупційної програми Київського національного університету будівництва і архітектури",
        "Робочу групу з підготовки змін утворено наказом ректора від 09.10.2018 № 402; засідань робочої групи не проводилось.",
        "in_progress",
        "Робочу групу з підготовки змін утворено наказом ректора від 09.10.2018 № 402, робота з підготовки змін триває.",
        "in_progress",
        "control: the group formed, then the work explicitly not begun vs explicitly ongoing; unfinished in both.",
    ),
    Pair(
        "mixed_cells",
        "Проведення анонімного опитування працівників спеціалізованої школи щодо сприйняття рівня корупції",
        "Анкетування проведено серед 120 працівників, узагальнення результатів триває.",
        "in_progress",
        "Анкетування проведено серед 120 працівників, результати узагальнено в довідці від 27.04.2017.",
        "done",
        "the survey done with its analysis ongoing vs the analysis finished.",
    ),
    Pair(
        "mixed_cells",
        "Затвердження Кодексу етичної поведінки працівників КНП «Центральна районна лікарня» та ознайомлення з ним",
        "З Кодексом етичної поведінки під підпис ознайомлено 40 працівників.",
        "done",
        "Кодекс етичної поведінки затверджено наказом від 15.01.2020 № 9, з ним під підпис ознайомлено 40 працівників.",
        "done",
        "control: one step reported alone vs both parts of the measure; both finished, nothing left unfinished.",
    ),
]


BURIED_ACT = [
    Pair(
        "buried_act",
        "Проведення роз'яснювальної роботи з працівниками виконавчих органів міської ради щодо дотримання антикорупційного законодавства",
        "Уповноваженою особою з питань запобігання та виявлення корупції на постійній основі проводиться роз’яснювальна робота з працівниками виконавчих органів міської ради щодо вимог Закону України «Про запобігання корупції». "
        "Працівникам надаються консультації з питань декларування, запобігання конфлікту інтересів та дотримання обмежень. "
        "12.03.2020 проведено навчання для 25 працівників управління соціального захисту населення. "
        "Інформаційні матеріали регулярно оновлюються на веб-сайті міської ради.",
        "done",
        "Уповноваженою особою з питань запобігання та виявлення корупції на постійній основі проводиться роз’яснювальна робота з працівниками виконавчих органів міської ради щодо вимог Закону України «Про запобігання корупції». "
        "Працівникам надаються консультації з питань декларування, запобігання конфлікту інтересів та дотримання обмежень. "
        "Інформаційні матеріали регулярно оновлюються на веб-сайті міської ради.",
        "boilerplate",
        "a dated training for 25 people buried in the third sentence makes the cell done; without it, all habitual.",
    ),
    Pair(
        "buried_act",
        "Забезпечення розгляду повідомлень про корупцію та вжиття заходів реагування в ГУ ДПС у Вінницькій області",
        "Відділом з питань запобігання та виявлення корупції забезпечується функціонування каналів повідомлення про корупцію: телефонної лінії, електронної пошти та скриньки для письмових звернень. "
        "Інформація про канали повідомлення розміщена на веб-сайті та в приміщеннях ЦОП. "
        "18.10.2023 проведено перевірку роботи телефонної лінії, за результатами складено довідку № 14/23. "
        "Працівників систематично інформують про гарантії захисту викривачів.",
        "done",
        "Відділом з питань запобігання та виявлення корупції забезпечується функціонування каналів повідомлення про корупцію: телефонної лінії, електронної пошти та скриньки для письмових звернень. "
        "Інформація про канали повідомлення розміщена на веб-сайті та в приміщеннях ЦОП. "
        "18.10.2023 проведено перевірку роботи телефонної лінії, за результатами складено довідку № 14/23. "
        "Працівників систематично інформують про гарантії захисту викривачів. "
        "Повідомлень про корупцію у звітному періоді не надходило.",
        "not_applicable",
        "the same buried check; adding «повідомлень … не надходило» (no trigger) wins by precedence.",
    ),
    Pair(
        "buried_act",
        "Вжиття заходів щодо запобігання та врегулювання конфлікту інтересів у КНП «Дитяча міська лікарня»",
        "Працівники лікарні обізнані з обов’язком повідомляти керівника про конфлікт інтересів. "
        "Заступники директора контролюють дотримання вимог у підпорядкованих відділеннях. "
        "Протягом 2021 року конфлікту інтересів у працівників не виникало.",
        "not_applicable",
        "Працівники лікарні обізнані з обов’язком повідомляти керівника про конфлікт інтересів. "
        "Заступники директора контролюють дотримання вимог у підпорядкованих відділеннях. "
        "25.05.2021 проведено семінар-нараду із завідувачами відділень (17 осіб) щодо врегулювання конфлікту інтересів. "
        "Протягом 2021 року конфлікту інтересів у працівників не виникало.",
        "not_applicable",
        "control: with or without a buried seminar, the missing trigger decides by precedence.",
    ),
    Pair(
        "buried_act",
        "Забезпечення функціонування системи внутрішнього контролю в університеті",
        "Внутрішній контроль в університеті здійснюється відповідно до Положення про систему внутрішнього контролю. "
        "Керівники структурних підрозділів відповідають за організацію контролю у своїх підрозділах; "
        "наказом ректора від 04.09.2018 № 312-о затверджено оновлений склад комісії з питань внутрішнього контролю; "
        "питання внутрішнього контролю регулярно розглядаються на засіданнях ректорату, а результати контролю враховуються під час планування діяльності.",
        "done",
        "Внутрішній контроль в університеті здійснюється відповідно до Положення про систему внутрішнього контролю. "
        "Керівники структурних підрозділів відповідають за організацію контролю у своїх підрозділах; "
        "питання внутрішнього контролю регулярно розглядаються на засіданнях ректорату, а результати контролю враховуються під час планування діяльності.",
        "boilerplate",
        "a dated rector's order in the middle of a run-on sentence vs the same sentence without it.",
    ),
    Pair(
        "buried_act",
        "Ознайомлення поліцейських районного управління з пам'яткою щодо обмежень, передбачених Законом України «Про запобігання корупції»",
        "Питання дотримання антикорупційних обмежень доводяться до особового складу під час шикувань та службових нарад – "
        "керівники підрозділів щоденно проводять інструктажі, на яких звертається увага на неприпустимість одержання неправомірної вигоди та подарунків – "
        "у квітні 2017 року пам'ятку вручено під підпис 46 поліцейським – "
        "в управлінні діє телефон довіри, інформація про який розміщена в черговій частині.",
        "done",
        "Питання дотримання антикорупційних обмежень доводяться до особового складу під час шикувань та службових нарад – "
        "керівники підрозділів щоденно проводять інструктажі, на яких звертається увага на неприпустимість одержання неправомірної вигоди та подарунків – "
        "в управлінні діє телефон довіри, інформація про який розміщена в черговій частині.",
        "boilerplate",
        "46 memos handed out under signature, buried between dashes, vs daily routine only.",
    ),
    Pair(
        "buried_act",
        "Перегляд переліку посад, пов'язаних з високим рівнем корупційних ризиків, в управлінні Пенсійного фонду",
        "Перелік посад, пов’язаних з високим рівнем корупційних ризиків, підтримується в актуальному стані. "
        "Структурні підрозділи інформують сектор з питань запобігання корупції про зміни у функціях посад. "
        "Перелік переглянуто та оновлено 15.02.2019 з урахуванням змін у структурі управління. "
        "Працівники, які займають такі посади, ознайомлюються з додатковими вимогами. "
        "Контроль за виконанням покладено на начальника управління.",
        "done",
        "Перелік посад, пов’язаних з високим рівнем корупційних ризиків, підтримується в актуальному стані. "
        "Структурні підрозділи інформують сектор з питань запобігання корупції про зміни у функціях посад. "
        "Працівники, які займають такі посади, ознайомлюються з додатковими вимогами. "
        "Контроль за виконанням покладено на начальника управління.",
        "boilerplate",
        "one dated revision of the list in the third sentence vs the standing state alone.",
    ),
    Pair(
        "buried_act",
        "Забезпечення контролю за дотриманням вимог законодавства при здійсненні митного оформлення",
        "17.06.2019 проведено вибіркову перевірку 60 митних декларацій, оформлених на митному посту «Ягодин», порушень не виявлено. "
        "Дотримання вимог законодавства під час митного оформлення постійно контролюється. "
        "Посадові особи митниці керуються Кодексом поведінки. "
        "Про виявлені порушення інформується керівництво митниці.",
        "done",
        "Дотримання вимог законодавства під час митного оформлення постійно контролюється. "
        "Посадові особи митниці керуються Кодексом поведінки. "
        "17.06.2019 проведено вибіркову перевірку 60 митних декларацій, оформлених на митному посту «Ягодин», порушень не виявлено. "
        "Про виявлені порушення інформується керівництво митниці.",
        "done",
        "control: the same finished check opening the cell vs buried in its third sentence.",
    ),
    Pair(
        "buried_act",
        "Проведення спеціальної перевірки щодо осіб, які претендують на зайняття посад у виконавчому комітеті сільської ради",
        "Відбір кандидатів на посади здійснюється відповідно до Закону України «Про службу в органах місцевого самоврядування». "
        "Кандидати подають заяву про проведення спеціальної перевірки разом з іншими документами. "
        "У березні 2022 року проведено спеціальну перевірку щодо кандидата на посаду начальника фінансового відділу, довідки отримано. "
        "Спеціаліст з кадрових питань контролює строки подання документів.",
        "done",
        "Відбір кандидатів на посади здійснюється відповідно до Закону України «Про службу в органах місцевого самоврядування». "
        "Кандидати подають заяву про проведення спеціальної перевірки разом з іншими документами. "
        "У березні 2022 року проведено спеціальну перевірку щодо кандидата на посаду начальника фінансового відділу, довідки отримано. "
        "Спеціаліст з кадрових питань контролює строки подання документів. "
        "Інших вакантних посад, що потребують спеціальної перевірки, у звітному періоді не було.",
        "not_applicable",
        "the same buried check; a closing sentence saying there were no (other) vacancies takes precedence.",
    ),
    Pair(
        "buried_act",
        "Проведення тестування працівників Головного управління ДСНС на знання антикорупційного законодавства",
        "Знання антикорупційного законодавства є обов'язковою вимогою до працівників ДСНС. "
        "Під час професійної підготовки вивчаються теми щодо обмежень, конфлікту інтересів та декларування. "
        "У листопаді 2024 року проведено тестування 112 працівників апарату Головного управління, середній бал — 86. "
        "Результати професійної підготовки враховуються під час атестації. "
        "Робота у цьому напрямку здійснюється відповідно до плану заходів.",
        "done",
        "Знання антикорупційного законодавства є обов'язковою вимогою до працівників ДСНС. "
        "Під час професійної підготовки вивчаються теми щодо обмежень, конфлікту інтересів та декларування. "
        "Результати професійної підготовки враховуються під час атестації. "
        "Робота у цьому напрямку здійснюється відповідно до плану заходів.",
        "boilerplate",
        "a testing of 112 people with a result, buried in the middle, vs the standing duty alone.",
    ),
    Pair(
        "buried_act",
        "Забезпечення своєчасного розгляду повідомлень про порушення вимог Закону депутатами обласної ради",
        "Відповідно до регламенту обласної ради повідомлення про порушення вимог Закону розглядаються постійною комісією з питань регламенту та депутатської етики. "
        "Комісія діє на підставі положення про постійні комісії. "
        "На засіданні комісії 21.09.2016 (протокол № 8) розглянуто питання дотримання депутатами обмежень щодо подарунків. "
        "Депутатів систематично інформують про вимоги законодавства.",
        "done",
        "Відповідно до регламенту обласної ради повідомлення про порушення вимог Закону розглядаються постійною комісією з питань регламенту та депутатської етики. "
        "Комісія діє на підставі положення про постійні комісії. "
        "На засіданні комісії 21.09.2016 (протокол № 8) розглянуто питання дотримання депутатами обмежень щодо подарунків. "
        "Депутатів систематично інформують про вимоги законодавства. "
        "Повідомлень про порушення вимог Закону депутатами обласної ради у 2016 році не надходило.",
        "not_applicable",
        "a buried meeting with a protocol; with the explicit «повідомлень … не надходило» the missing trigger wins.",
    ),
    Pair(
        "buried_act",
        "Забезпечення відкритості інформації про діяльність КП «Міські дороги» щодо запобігання корупції",
        "Підприємство забезпечує відкритість інформації про свою діяльність. "
        "На офіційному веб-сайті підприємства функціонує розділ «Запобігання корупції», у якому розміщуються нормативні документи та контакти уповноваженої особи. "
        "Інформація оновлюється у міру потреби.",
        "boilerplate",
        "Підприємство забезпечує відкритість інформації про свою діяльність. "
        "На офіційному веб-сайті підприємства функціонує розділ «Запобігання корупції», у якому розміщуються нормативні документи та контакти уповноваженої особи. "
        "Інформація про закупівлі підприємства щоквартально доводиться до відома трудового колективу.",
        "boilerplate",
        "control: a standing section and a habitual quarterly routine look specific but name no act of the period.",
    ),
    Pair(
        "buried_act",
        "Розгляд на засіданнях педагогічної ради питань академічної доброчесності та запобігання корупції в закладі освіти",
        "Питання академічної доброчесності та запобігання корупції систематично розглядаються на засіданнях педагогічної ради. "
        "Класні керівники проводять з учнями виховні години з питань доброчесності, батьків інформують на батьківських зборах. "
        "Протоколом засідання педагогічної ради від 29.10.2021 № 3 схвалено Положення про академічну доброчесність ліцею. "
        "Адміністрація закладу забезпечує контроль за дотриманням етичних норм.",
        "done",
        "Питання академічної доброчесності та запобігання корупції систематично розглядаються на засіданнях педагогічної ради. "
        "Класні керівники проводять з учнями виховні години з питань доброчесності, батьків інформують на батьківських зборах. "
        "Адміністрація закладу забезпечує контроль за дотриманням етичних норм.",
        "boilerplate",
        "a dated protocol approving a regulation, buried third, vs the habitual sentences alone.",
    ),
    Pair(
        "buried_act",
        "Ініціювання службових перевірок у разі виявлення фактів порушення антикорупційного законодавства працівниками апарату апеляційного суду",
        "Керівник апарату суду забезпечує контроль за дотриманням працівниками вимог антикорупційного законодавства. "
        "Працівники ознайомлюються з наказами щодо дотримання етичних норм. "
        "10.04.2025 проведено службову нараду з питань запобігання корупції, протокол № 2. "
        "Юридичний факт, з яким пов'язано виконання заходу, не настав.",
        "not_applicable",
        "Керівник апарату суду забезпечує контроль за дотриманням працівниками вимог антикорупційного законодавства. "
        "Працівники ознайомлюються з наказами щодо дотримання етичних норм. "
        "10.04.2025 проведено службову нараду з питань запобігання корупції, протокол № 2.",
        "done",
        "a buried meeting with a protocol; with «юридичний факт … не настав» the missing trigger takes precedence.",
    ),
    Pair(
        "buried_act",
        "Ознайомлення працівників селищної ради з Правилами етичної поведінки",
        "Дотримання Правил етичної поведінки є обов’язком кожного працівника селищної ради. "
        "Новопризначених працівників ознайомлюють з Правилами під час прийняття на роботу. "
        "У 2023 році з Правилами під підпис ознайомлено 33 працівники, відомість зберігається у відділі кадрів. "
        "Керівники відділів контролюють дотримання Правил.",
        "done",
        "Дотримання Правил етичної поведінки є обов’язком кожного працівника селищної ради. "
        "Новопризначених працівників ознайомлюють з Правилами під час прийняття на роботу. "
        "09.02.2023 проведено нараду, на якій працівників ознайомлено з Правилами під підпис (присутні 33 особи). "
        "Керівники відділів контролюють дотримання Правил.",
        "done",
        "control: two different buried finished acts (counted signatures; a dated meeting), both done.",
    ),
]


PAIRS: list[Pair] = [
    *NEGATION,
    *ASPECT_TENSE,
    *NOT_STARTED_VS_NOT_APPLICABLE,
    *MONITORING_VOICE,
    *CATEGORICAL,
    *SHORT_AND_LONG,
    *NOISE,
    *RUSSIAN_SURZHYK,
    *MIXED_CELLS,
    *BURIED_ACT,
]
