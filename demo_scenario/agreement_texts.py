"""The texts of the model agreements DIC keeps (DP 717 section 3), in Kazakh, Russian and English.

One text per kind of agreement and language; the institutes write their drafts from them.
"""

TITLES = {
    "memorandum": {
        "en_US": ("Model memorandum of understanding", "MODEL MEMORANDUM OF UNDERSTANDING"),
        "ru_RU": ("Типовой меморандум о взаимопонимании", "ТИПОВОЙ МЕМОРАНДУМ О ВЗАИМОПОНИМАНИИ"),
        "kk_KZ": ("Өзара түсіністік туралы үлгілік меморандум", "ӨЗАРА ТҮСІНІСТІК ТУРАЛЫ ҮЛГІЛІК МЕМОРАНДУМ"),
    },
    "cooperation": {
        "en_US": ("Model cooperation agreement", "MODEL COOPERATION AGREEMENT"),
        "ru_RU": ("Типовой договор о сотрудничестве", "ТИПОВОЙ ДОГОВОР О СОТРУДНИЧЕСТВЕ"),
        "kk_KZ": ("Ынтымақтастық туралы үлгілік келісім-шарт", "ЫНТЫМАҚТАСТЫҚ ТУРАЛЫ ҮЛГІЛІК КЕЛІСІМ-ШАРТ"),
    },
    "protocol": {
        "en_US": ("Model protocol of intent", "MODEL PROTOCOL OF INTENT"),
        "ru_RU": ("Типовой протокол о намерениях", "ТИПОВОЙ ПРОТОКОЛ О НАМЕРЕНИЯХ"),
        "kk_KZ": ("Үлгілік ниет хаттамасы", "ҮЛГІЛІК НИЕТ ХАТТАМАСЫ"),
    },
    "double_degree": {
        "en_US": ("Model double-degree contract", "MODEL DOUBLE-DEGREE CONTRACT"),
        "ru_RU": ("Типовой договор о двойном дипломе", "ТИПОВОЙ ДОГОВОР О ПРОГРАММЕ ДВОЙНОГО ДИПЛОМА"),
        "kk_KZ": ("Қос диплом туралы үлгілік келісім-шарт", "ҚОС ДИПЛОМ БАҒДАРЛАМАСЫ ТУРАЛЫ ҮЛГІЛІК КЕЛІСІМ-ШАРТ"),
    },
}

CLAUSES = {
    "en_US": [
        "Satbayev University (Republic of Kazakhstan), represented by the Chairman of the Board - Rector, "
        "hereinafter the University, and ____________, represented by ____________, hereinafter the Partner, "
        "have agreed as follows.",
        "1. Subject. The Parties cooperate in education, research and innovation in the priority directions "
        "set out in this document: ____________.",
        "2. Forms of cooperation. Mutual faculty visits to lecture; exchange of scientific and methodological "
        "literature; exchange of learners and researchers; joint conferences, seminars and symposia; joint "
        "publications; joint educational and research projects, including within international programmes.",
        "3. Conditions of implementation. Each Party appoints a contact person. The Parties agree a work "
        "programme or cooperation plan listing concrete activities and their deadlines. Each Party bears its "
        "own costs unless agreed otherwise in writing.",
        "4. Term. This document enters into force on the date of its signature by both Parties and remains "
        "valid for ____ years. Changes and additions are made as separate annexes, which are an integral "
        "part of it.",
        "5. Languages. Done in two originals in Kazakh (Russian) and English, all texts being equally authentic.",
        "Signatures of the Parties: ____________ / ____________",
    ],
    "ru_RU": [
        "Сатпаев Университет (Республика Казахстан) в лице Председателя Правления - Ректора, далее - "
        "Университет, и ____________ в лице ____________, далее - Партнёр, договорились о нижеследующем.",
        "1. Предмет. Стороны сотрудничают в области образования, науки и инноваций по приоритетным "
        "направлениям, определённым настоящим документом: ____________.",
        "2. Формы сотрудничества. Взаимные визиты преподавателей для чтения лекций; обмен научной и "
        "методической литературой; обмен обучающимися и исследователями; совместные конференции, семинары и "
        "симпозиумы; совместные публикации; совместные образовательные и исследовательские проекты, в том "
        "числе в рамках международных программ.",
        "3. Условия реализации. Каждая Сторона назначает контактное лицо. Стороны согласуют рабочую "
        "программу или план сотрудничества с конкретными мероприятиями и сроками их проведения. Каждая "
        "Сторона несёт свои расходы, если письменно не согласовано иное.",
        "4. Срок действия. Настоящий документ вступает в силу с даты его подписания Сторонами и действует "
        "____ лет. Изменения и дополнения оформляются отдельными приложениями, являющимися его неотъемлемой "
        "частью.",
        "5. Языки. Составлен в двух подлинных экземплярах на казахском (русском) и английском языках, все "
        "тексты имеют одинаковую силу.",
        "Подписи Сторон: ____________ / ____________",
    ],
    "kk_KZ": [
        "Сәтбаев университеті (Қазақстан Республикасы), атынан Басқарма Төрағасы - Ректор, бұдан әрі - "
        "Университет, және ____________, атынан ____________, бұдан әрі - Серіктес, төмендегілер туралы келісті.",
        "1. Мәні. Тараптар білім беру, ғылым және инновация салаларында осы құжатта айқындалған басым "
        "бағыттар бойынша ынтымақтасады: ____________.",
        "2. Ынтымақтастық нысандары. Оқытушылардың дәріс оқу үшін өзара сапарлары; ғылыми және әдістемелік "
        "әдебиет алмасу; білім алушылар мен зерттеушілер алмасу; бірлескен конференциялар, семинарлар мен "
        "симпозиумдар; бірлескен жарияланымдар; бірлескен білім беру және ғылыми жобалар, оның ішінде "
        "халықаралық бағдарламалар аясында.",
        "3. Іске асыру талаптары. Әр Тарап байланыс тұлғасын тағайындайды. Тараптар нақты іс-шаралар мен "
        "олардың мерзімдерін айқындайтын жұмыс бағдарламасын немесе ынтымақтастық жоспарын келіседі. "
        "Жазбаша түрде өзгеше келісілмесе, әр Тарап өз шығыстарын өзі көтереді.",
        "4. Қолданылу мерзімі. Осы құжат Тараптар қол қойған күннен бастап күшіне енеді және ____ жыл бойы "
        "қолданылады. Өзгерістер мен толықтырулар жекелеген қосымшалармен ресімделеді, олар құжаттың "
        "ажырамас бөлігі болып табылады.",
        "5. Тілдер. Қазақ (орыс) және ағылшын тілдерінде екі түпнұсқа данада жасалды, барлық мәтіндердің "
        "күші бірдей.",
        "Тараптардың қолдары: ____________ / ____________",
    ],
}
