"""Demo data: a realistic, entirely fictitious office to try the program and to benchmark it.

``generate`` fills a database that has no workers yet with the vertenze of the design
notes (Konecta Asti, Ivrea, Paycare in Tuscany and a few invented ones), their workers
with valid codici fiscali, employment situations, patti di servizio, GOL and
self-employment pathways, diary, agenda, job offers and hires, business projects with
ATECO 2025 codes, training courses, funds and vouchers with attendance.

People, companies other than Konecta and the training providers named in the design,
tax numbers, addresses, phones and e-mails are invented. Birthplaces are real Belfiore
codes, ATECO codes are real (``ateco`` package).

Everything happens in one transaction: a refusal, an error or a cancel (``progress``
returning False) leaves the database as it was. One summary audit row records the run.

Speed (100,000 workers, about 1.5 million rows, in well under a minute on SQLite):
ids are computed here and rows are plain dicts written in batches with executemany -
no ORM object and no round trip per row. On SQLite the rows go straight to sqlite3 in
SQLAlchemy's own storage formats, and the per-worker tables' plain indexes and the
search trigger are dropped inside the transaction and rebuilt once at the end. Other
backends get portable Core ``INSERT`` executemany, then their serials are moved on.

Fund accounting used here: committed = amounts of vouchers approvato / in_corso /
concluso; spent = ``spent_cents`` of vouchers rendicontato; richiesto, ritirato and
revocato hold no money. Each budget is set just above what is used (one fund within
0.3% of it), so the CHECK committed + spent <= budget always holds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import gc
import itertools
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Connection,
    Date,
    DateTime,
    Table,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sportello.core import codice_fiscale as cf
from sportello.core import db, search
from sportello.core.context import Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.models import (
    AppointmentOutcome,
    AppointmentStatus,
    ApplicationStatus,
    Base,
    BusinessStage,
    ContractType,
    CourseStatus,
    DiaryKind,
    DidStatus,
    FileStatus,
    FundingStatus,
    FundKind,
    JobOfferStatus,
    LegalForm,
    Office,
    OfficeKind,
    Operator,
    PactStatus,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    Role,
    SuapOutcome,
    VertenzaStatus,
    VoucherStatus,
    Worker,
)
from sportello.core.text import worker_search_text, worker_sort_keys
from sportello.core import audit
from sportello.core.services import agenda, passwords

T = TypeVar("T")
ProgressFn = Callable[[int, int], bool]

CHUNK = 5_000  # workers generated and written per batch (progress is reported per batch)
DEMO_PASSWORD = "sportello2026"
ADMIN_USERNAME = "admin"
PRIVACY_NOTICE = "2025.1"

# --------------------------------------------------------------------------- fixed data

# (belfiore, weight): real comuni; the name and province at the birth date come from the
# codice fiscale tables (Biella was in the province of Vercelli until 1992, and so on).
_BIRTH_PIEMONTE = [
    ("A479", 30), ("B594", 4), ("F902", 4), ("D119", 2), ("H811", 2), ("F336", 1),
    ("F527", 1), ("E338", 1), ("L219", 25), ("E379", 8), ("C665", 2), ("F335", 3),
    ("G674", 2), ("C627", 2), ("H355", 2), ("D205", 3), ("A124", 2), ("B111", 1),
    ("A182", 4), ("B885", 2), ("A052", 1), ("F952", 2), ("A859", 2), ("L750", 2),
]
_BIRTH_TOSCANA = [
    ("D612", 30), ("I684", 3), ("B962", 3), ("D403", 3), ("B507", 2), ("G999", 8),
    ("G702", 4), ("E625", 4), ("E715", 3), ("L833", 2), ("G713", 3), ("A390", 3),
    ("I726", 3), ("E202", 2), ("F023", 1), ("B832", 1),
]
_BIRTH_SOUTH = [
    ("F839", 10), ("G273", 8), ("A662", 6), ("H224", 4), ("C351", 5), ("D643", 4),
    ("C514", 2), ("D086", 3), ("E506", 3), ("C352", 2), ("A089", 3), ("H703", 3),
    ("L049", 2), ("A509", 2), ("F158", 2), ("L259", 2),
]
_BIRTH_OTHER_ITALY = [("D969", 3), ("F205", 4), ("H501", 4), ("B354", 1)]

# Residence comuni: (comune, provincia, CAP, phone prefix).
_RES_ASTI = [
    ("Asti", "AT", "14100", "0141", 40), ("Canelli", "AT", "14053", "0141", 5),
    ("Nizza Monferrato", "AT", "14049", "0141", 5), ("Costigliole d'Asti", "AT", "14055", "0141", 3),
    ("San Damiano d'Asti", "AT", "14015", "0141", 3), ("Villanova d'Asti", "AT", "14019", "0141", 3),
    ("Moncalvo", "AT", "14036", "0141", 2), ("Castagnole delle Lanze", "AT", "14054", "0141", 2),
    ("Montegrosso d'Asti", "AT", "14048", "0141", 2), ("Isola d'Asti", "AT", "14057", "0141", 2),
    ("Castell'Alfero", "AT", "14033", "0141", 2), ("Portacomaro", "AT", "14037", "0141", 1),
    ("Torino", "TO", "10141", "011", 3), ("Alba", "CN", "12051", "0173", 2),
    ("Alessandria", "AL", "15121", "0131", 2),
]
_RES_IVREA = [
    ("Ivrea", "TO", "10015", "0125", 30), ("Banchette", "TO", "10010", "0125", 4),
    ("Borgofranco d'Ivrea", "TO", "10013", "0125", 3), ("Castellamonte", "TO", "10081", "0124", 4),
    ("Cuorgnè", "TO", "10082", "0124", 4), ("Strambino", "TO", "10019", "0125", 3),
    ("Pavone Canavese", "TO", "10018", "0125", 3), ("Caluso", "TO", "10014", "011", 3),
    ("Bollengo", "TO", "10012", "0125", 2), ("Montalto Dora", "TO", "10016", "0125", 2),
    ("Chivasso", "TO", "10034", "011", 4), ("Settimo Torinese", "TO", "10036", "011", 3),
    ("Torino", "TO", "10152", "011", 5),
]
_RES_TOSCANA = [
    ("Firenze", "FI", "50127", "055", 30), ("Sesto Fiorentino", "FI", "50019", "055", 6),
    ("Scandicci", "FI", "50018", "055", 5), ("Campi Bisenzio", "FI", "50013", "055", 5),
    ("Empoli", "FI", "50053", "0571", 4), ("Bagno a Ripoli", "FI", "50012", "055", 3),
    ("Calenzano", "FI", "50041", "055", 3), ("Signa", "FI", "50058", "055", 2),
    ("Lastra a Signa", "FI", "50055", "055", 2), ("Prato", "PO", "59100", "0574", 8),
    ("Pistoia", "PT", "51100", "0573", 3), ("Pisa", "PI", "56121", "050", 2),
    ("Livorno", "LI", "57121", "0586", 2), ("Lucca", "LU", "55100", "0583", 2),
]
_STREETS = [
    "Via Roma", "Via Garibaldi", "Via Mazzini", "Corso Vittorio Emanuele II", "Via Cavour",
    "Via Dante Alighieri", "Via XX Settembre", "Viale della Vittoria", "Via Matteotti",
    "Via Gramsci", "Via dei Mille", "Via San Martino", "Via Nazionale", "Via Torino",
    "Via Milano", "Via Solferino", "Piazza della Libertà", "Via Don Minzoni", "Via Po",
    "Corso Alfieri", "Corso Savona", "Via Arduino", "Corso Re Umberto", "Via Jervis",
    "Via Pistoiese", "Via Aretina", "Viale dei Mille", "Via del Ponte alle Mosse",
    "Via Bolognese", "Via Senese", "Via dell'Agnolo", "Strada Valle Tanaro",
    "Via Fratelli Rosselli", "Via Quintino Sella", "Via Monte Grappa", "Via Vittorio Veneto",
]
_MOBILE_PREFIXES = ["320", "324", "328", "329", "331", "333", "334", "335", "338", "339",
                    "340", "342", "345", "347", "348", "349", "351", "366", "380", "388",
                    "389", "392", "393"]
_MAIL_DOMAINS = ["gmail.com", "libero.it", "outlook.it", "yahoo.it", "virgilio.it",
                 "alice.it", "hotmail.it", "tiscali.it", "icloud.com", "email.it"]

_SURNAMES = [
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
    "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano",
    "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi",
    "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli",
    "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi",
    "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
    "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina",
    "Rizzi", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa",
    "Grassi", "Pellegrino", "Carbone", "Giuliani", "Benedetti", "Barone", "Rossetti",
    "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore", "De Rosa",
    "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia",
    "Sartori", "Neri", "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino",
    "D'Amico", "Orlando", "Damico", "Negri", "D'Agostino", "Dell'Acqua", "Dall'Olio",
    "Sant'Ambrogio", "Lo Presti", "Lo Russo", "Li Causi", "Dell'Orto", "D'Alessandro",
    "Bosco", "Gribaudo", "Bertolino", "Giraudo", "Cravero", "Aimar", "Musso", "Bruna",
    "Cerrato", "Gerbi", "Bussi", "Borgogno", "Cavallero", "Rosso", "Vercellone", "Chiesa",
    "Perotti", "Quaglia", "Garrone", "Bertello", "Pautasso", "Ferrero", "Gili", "Ghione",
    "Bonino", "Vaudano", "Gamba", "Migliore", "Masoero", "Scarzello", "Actis", "Giachino",
    "Bellucci", "Bartolini", "Innocenti", "Niccolai", "Cecchi", "Bini", "Baldi", "Nardi",
    "Bacci", "Mugnai", "Cappelli", "Tognetti", "Pratesi", "Lippi", "Meucci", "Vannucci",
    "Paoletti", "Gori", "Fantoni", "Lazzerini", "Cantù", "Mazzà", "Falcò", "Nicolò",
    "Forlì", "Cirò", "Zappalà", "Patanè", "Licciardello", "Musumeci", "Calò", "Canepa",
]
_MALE = [
    "Marco", "Andrea", "Luca", "Giuseppe", "Francesco", "Alessandro", "Matteo", "Davide",
    "Stefano", "Roberto", "Paolo", "Simone", "Giovanni", "Antonio", "Lorenzo", "Federico",
    "Fabio", "Daniele", "Riccardo", "Massimo", "Claudio", "Mario", "Alberto", "Emanuele",
    "Michele", "Enrico", "Gabriele", "Nicola", "Filippo", "Tommaso", "Niccolò", "Nicolò",
    "Gian Luca", "Pier Paolo", "Gianfranco", "Salvatore", "Vincenzo", "Carmine", "Pietro",
    "Walter", "Cristian", "Mattia", "Jacopo", "Gioele", "Raffaele", "Domenico", "Ettore",
    "Ugo", "Elia", "Samuele",
]
_FEMALE = [
    "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Valentina", "Alessandra", "Elena",
    "Silvia", "Federica", "Laura", "Paola", "Elisa", "Simona", "Roberta", "Monica",
    "Barbara", "Cristina", "Daniela", "Anna", "Maria", "Maria Grazia", "Anna Maria",
    "Rosa", "Giovanna", "Serena", "Ilaria", "Claudia", "Veronica", "Alice", "Beatrice",
    "Noemi", "Irene", "Camilla", "Marta", "Lucia", "Antonella", "Manuela", "Loredana",
    "Gabriella", "Emanuela", "Tiziana", "Debora", "Ornella", "Nicoletta", "Letizia",
    "Ada", "Eva", "Zoe", "Asia",
]
# Foreign profiles: (Belfiore of the country, citizenship, mother tongue, surnames,
# male names, female names, weight).
_FOREIGN = [
    ("Z129", "Rumena", "rumeno", ["Popescu", "Ionescu", "Ștefănescu", "Dumitru", "Constantin",
                                  "Munteanu", "Rădulescu"],
     ["Ștefan", "Andrei", "Ionuț", "Mihai", "Florin"], ["Andreea", "Ioana", "Elena", "Mădălina"], 30),
    ("Z158", "Serba", "serbo", ["Đorđević", "Jovanović", "Petrović", "Nikolić", "Stojanović"],
     ["Miloš", "Dragan", "Nikola", "Đorđe"], ["Dragana", "Jelena", "Milica"], 8),
    ("Z127", "Polacca", "polacco", ["Kowalski", "Wiśniewski", "Wójcik", "Kamiński"],
     ["Łukasz", "Paweł", "Michał", "Piotr"], ["Agnieszka", "Małgorzata", "Katarzyna"], 8),
    ("Z251", "Vietnamita", "vietnamita", ["Nguyen", "Tran", "Le", "Pham"],
     ["Van Minh", "Duc Anh", "Quang"], ["Thi Lan", "Thi Mai", "Thu Trang"], 5),
    ("Z330", "Marocchina", "arabo", ["El Amrani", "Benali", "El Idrissi", "Bouzid"],
     ["Youssef", "Mohamed", "Karim", "Hicham"], ["Fatima", "Khadija", "Salma"], 18),
    ("Z100", "Albanese", "albanese", ["Hoxha", "Kola", "Shehu", "Dervishi", "Çela"],
     ["Arben", "Ermal", "Gentian", "Besnik"], ["Elira", "Anisa", "Blerina"], 20),
    ("Z138", "Ucraina", "ucraino", ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko"],
     ["Oleksandr", "Andriy", "Serhiy"], ["Oksana", "Olena", "Iryna"], 8),
    ("Z140", "Moldava", "rumeno", ["Rusu", "Ciobanu", "Lupu", "Cebotari"],
     ["Vasile", "Ion", "Sergiu"], ["Natalia", "Cristina", "Tatiana"], 6),
    ("Z335", "Nigeriana", "inglese", ["Okafor", "Adeyemi", "Eze", "Okonkwo"],
     ["Chinedu", "Emeka", "Tunde"], ["Ngozi", "Chiamaka", "Blessing"], 4),
    ("Z605", "Ecuadoriana", "spagnolo", ["Quispe", "Guamán", "Zambrano", "Cedeño"],
     ["José", "Luis", "Andrés"], ["María José", "Gabriela", "Verónica"], 5),
]

_EDUCATION = [
    ("Licenza media", None, 18), ("Qualifica professionale", "Operatore amministrativo-segretariale", 10),
    ("Diploma", "Diploma di ragioniere", 16), ("Diploma", "Diploma di liceo linguistico", 8),
    ("Diploma", "Perito informatico", 7), ("Diploma", "Diploma di liceo scientifico", 8),
    ("Diploma", "Tecnico dei servizi turistici", 5), ("Laurea triennale", "Laurea in Economia aziendale", 8),
    ("Laurea triennale", "Laurea in Scienze della comunicazione", 6),
    ("Laurea magistrale", "Laurea in Lingue e letterature straniere", 5),
    ("Laurea magistrale", "Laurea in Giurisprudenza", 3), ("Laurea magistrale", "Laurea in Ingegneria gestionale", 2),
]
_SKILLS = [
    "Pacchetto Office", "CRM (Salesforce)", "Gestione reclami", "Inbound e outbound",
    "Back office amministrativo", "Fatturazione", "Inglese commerciale", "Tedesco di base",
    "Gestione ticket", "Data entry veloce", "Paghe e contributi", "Recupero crediti",
    "Vendita telefonica", "Help desk di primo livello", "SAP (modulo SD)", "Excel avanzato",
    "Archiviazione documentale", "Patentino del carrello elevatore", "Magazzino e spedizioni",
]

# Vertenze: (code, title, company, site, comune, provincia, region, opened months ago,
# weight per 300 workers, residence pool, birth pool, benefit mix (cigs share), jobs, notes)
_VERTENZE: list[dict[str, Any]] = [
    dict(code="KON-AT", title="Konecta Asti: chiusura della sede", company="Konecta Italia S.p.A.",
         site="Sede di Asti (call center)", comune="Asti", provincia="AT", region="Piemonte",
         months=14, weight=93, res=_RES_ASTI, birth="piemonte", cigs=0.35,
         net="cigs_riorganizzazione", expected=93,
         sites=[("Asti", "AT", "Corso Alessandria 62", 93)],
         notes="Tavolo regionale: le attività di Asti e Ivrea sono accorpate a Torino. "
               "Accordo per la ricollocazione con percorsi GOL 5 e incentivi all'esodo."),
    dict(code="KON-IV", title="Konecta Ivrea: accorpamento a Torino", company="Konecta Italia S.p.A.",
         site="Sede di Ivrea (call center)", comune="Ivrea", provincia="TO", region="Piemonte",
         months=12, weight=70, res=_RES_IVREA, birth="piemonte", cigs=0.5,
         net="cigs_riorganizzazione", sites=[("Ivrea", "TO", "Via Jervis 77", None)],
         notes="Trasferimento a Torino proposto; chi non accetta entra nei percorsi di "
               "ricollocazione collettiva."),
    dict(code="KON-PC", title="Konecta Paycare: cessazione dell'attività in Toscana",
         company="Konecta Paycare S.r.l. in liquidazione",
         site="Sedi di Monteriggioni e Sesto Fiorentino", comune="Monteriggioni", provincia="SI",
         region="Toscana", months=9, weight=53, res=_RES_TOSCANA, birth="toscana", cigs=1.0,
         net="cigs_cessazione", expected=53,
         opened=dt.date(2025, 11, 20), agreement=dt.date(2025, 12, 18),
         cigs_from=dt.date(2026, 1, 1), cigs_to=dt.date(2026, 12, 31),
         # the split of the 53 between the two sites is invented
         sites=[("Monteriggioni", "SI", "Strada di Pian del Casone 1", 31),
                ("Sesto Fiorentino", "FI", "Via Pier Capponi 40", 22)],
         notes="Società in liquidazione. CIGS per cessazione di attività dal 1° gennaio al 31 "
               "dicembre 2026 per i 53 lavoratori delle sedi di Monteriggioni (SI) e Sesto "
               "Fiorentino (FI); formazione finanziata con Fondo Nuove Competenze e fondi "
               "interprofessionali."),
    dict(code="TVB-CN", title="Tessiture Valle Belbo: cessazione", company="Tessiture Riunite Valle Belbo S.r.l.",
         site="Stabilimento di Canelli", comune="Canelli", provincia="AT", region="Piemonte",
         months=20, weight=20, res=_RES_ASTI, birth="piemonte", cigs=0.0, net="naspi",
         notes="Cessazione dell'attività; licenziamento collettivo concluso con accordo."),
    dict(code="LTA-AT", title="Logistica Tanaro: riduzione di personale", company="Logistica Tanaro S.p.A.",
         site="Polo logistico di Asti Est", comune="Asti", provincia="AT", region="Piemonte",
         months=8, weight=15, res=_RES_ASTI, birth="piemonte", cigs=0.6,
         net="cigs_riorganizzazione",
         notes="Perdita di una commessa; CIGS per riorganizzazione per 12 mesi."),
    dict(code="MCV-IV", title="Meccanica Canavese: crisi aziendale", company="Meccanica Canavese S.r.l.",
         site="Stabilimento di Castellamonte", comune="Castellamonte", provincia="TO", region="Piemonte",
         months=16, weight=12, res=_RES_IVREA, birth="piemonte", cigs=0.4, net="cigs_crisi",
         notes="Procedura di crisi; parte dei lavoratori in CIGS, parte in NASpI."),
    dict(code="CVA-FI", title="Ceramiche Valdarno: chiusura reparto", company="Ceramiche Artistiche Valdarno S.r.l.",
         site="Stabilimento di Empoli", comune="Empoli", provincia="FI", region="Toscana",
         months=10, weight=10, res=_RES_TOSCANA, birth="toscana", cigs=0.0, net="naspi",
         notes="Chiusura del reparto decorazione; NASpI per tutti gli esuberi.", status="chiusa"),
]
# Who sits at the tavoli: (kind, name, contact); the contacts are invented.
_PARTIES_PIEMONTE = [
    ("regione", "Regione Piemonte – Settore politiche del lavoro", "Unità di crisi d'impresa"),
    ("azienda", "Konecta Italia S.p.A.", "Direzione risorse umane"),
    ("sindacato", "SLC CGIL", "Segreteria regionale"),
    ("sindacato", "FISTel CISL", "Segreteria regionale"),
    ("sindacato", "UILCOM UIL", "Segreteria regionale"),
    ("rsu", "RSU di sede", None),
]
_PARTIES = {
    "KON-AT": _PARTIES_PIEMONTE + [("comune", "Comune di Asti", "Assessorato al lavoro")],
    "KON-IV": _PARTIES_PIEMONTE + [("comune", "Comune di Ivrea", "Assessorato al lavoro"),
                                   ("comune", "Città di Torino", "Divisione lavoro")],
    "KON-PC": [
        ("regione", "Regione Toscana – Unità di crisi", "Settore lavoro"),
        ("comune", "Comune di Monteriggioni", "Ufficio del sindaco"),
        ("comune", "Comune di Sesto Fiorentino", "Ufficio del sindaco"),
        ("azienda", "Konecta Paycare S.r.l. in liquidazione", "Il liquidatore"),
        ("sindacato", "SLC CGIL Toscana", None), ("sindacato", "FISTel CISL Toscana", None),
        ("sindacato", "UILCOM UIL Toscana", None), ("rsu", "RSU Monteriggioni e Sesto", None),
        ("ministero", "Ministero del Lavoro – Divisione ammortizzatori sociali", None),
    ],
    "LTA-AT": [("regione", "Regione Piemonte – Settore politiche del lavoro", None),
               ("azienda", "Logistica Tanaro S.p.A.", "Ufficio del personale"),
               ("sindacato", "FILT CGIL Asti", None)],
}
# Meetings of the tavoli: place, online, decisions (the minutes follow from them); dated
# from the opening of the vertenza, one every few months, none in the future.
_MEETINGS = {
    "KON-AT": ("Torino, Regione Piemonte – Piazza Castello 165", [
        "Presentazione dell'elenco dei lavoratori e avvio delle convocazioni al CPI.",
        "Accordo sugli incentivi all'esodo e sui percorsi GOL 5.",
        "Avvio dei corsi finanziati con il Fondo Nuove Competenze.",
        "Verifica dei primi ricollocamenti; prossima verifica sui voucher."]),
    "KON-IV": ("Torino, Regione Piemonte – Piazza Castello 165", [
        "Proposta di trasferimento alla sede di Torino.",
        "Raccolta delle adesioni al trasferimento; gli altri nei percorsi di ricollocazione.",
        "Verifica delle adesioni e dei percorsi avviati."]),
    "KON-PC": ("Firenze, Regione Toscana – Palazzo Strozzi Sacrati", [
        "Messa in liquidazione della società; richiesta della CIGS per cessazione.",
        "CIGS autorizzata dal 1° gennaio al 31 dicembre 2026; piano di formazione.",
        "Verifica dei percorsi e dei voucher; rientri nella capogruppo.",
        "Verifica in vista della fine della CIGS al 31 dicembre 2026."]),
    "LTA-AT": ("Asti, Prefettura", ["Esame congiunto della riduzione di personale."]),
}
_NO_VERTENZA_WEIGHT = 27  # ordinary unemployed people of the office, no company crisis

# Jobs held before: (qualifica, qualifica code, weight) per kind of company.
_JOBS_CALL_CENTER = [
    ("Operatore di call center inbound", "I", 40), ("Operatore di call center outbound", "I", 15),
    ("Addetto back office", "I", 15), ("Team leader", "M", 8), ("Supervisore di sala", "Q", 3),
    ("Addetto amministrazione paghe", "I", 6), ("Formatore interno", "I", 2),
    ("Apprendista operatore di contact center", "A", 5), ("Tecnico help desk", "I", 6),
]
_JOBS_INDUSTRY = [
    ("Operaio tessile", "O", 20), ("Addetto al magazzino", "O", 15), ("Carrellista", "O", 10),
    ("Operaio metalmeccanico", "O", 20), ("Manutentore", "O", 6), ("Capo reparto", "M", 4),
    ("Impiegato amministrativo", "I", 8), ("Decoratrice ceramica", "O", 6),
    ("Apprendista operaio", "A", 5), ("Responsabile qualità", "Q", 2),
]
_OTHER_EMPLOYERS = [
    "Supermercati Collina S.r.l.", "Trasporti Monferrato S.n.c.", "Pulizie Ideali Soc. Coop.",
    "Ristorante Il Cortile S.a.s.", "Hotel Belvedere S.r.l.", "Studio Contabile Aimar",
    "Cantina Sociale dei Colli", "Maglificio Aurora S.r.l.", "Autofficina Moderna S.n.c.",
    "Cooperativa Sociale Il Ponte",
]

_DID_CHANNELS = ["Portale MyANPAL", "SIISL", "Centro per l'Impiego", "Domanda NASpI (INPS)"]
_LANGS = [("inglese", 55), ("francese", 15), ("spagnolo", 8), ("tedesco", 5)]
_LEVELS = ["A1", "A2", "B1", "B2", "C1"]

# Operators of the office (fictitious).
_STAFF = [
    ("Laura", "Bertolino"), ("Marco", "Gribaudo"), ("Silvia", "Cravero"), ("Paolo", "Musso"),
    ("Federica", "Giraudo"), ("Davide", "Quaglia"), ("Elena", "Perotti"), ("Stefano", "Garrone"),
    ("Chiara", "Bonino"), ("Andrea", "Pautasso"), ("Monica", "Vaudano"), ("Luca", "Masoero"),
    ("Sara", "Ghione"), ("Roberto", "Actis"), ("Giulia", "Scarzello"), ("Fabio", "Giachino"),
    ("Paola", "Borgogno"), ("Matteo", "Cavallero"), ("Anna", "Vercellone"), ("Enrico", "Bertello"),
]

_PATHWAY_WEIGHTS = {
    PathwayKind.GOL1_REINSERIMENTO: 30, PathwayKind.GOL2_AGGIORNAMENTO: 17,
    PathwayKind.GOL3_RIQUALIFICAZIONE: 13, PathwayKind.GOL4_LAVORO_INCLUSIONE: 8,
    PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA: 22, PathwayKind.AUTOIMPIEGO: 10,
}
_STATUS_WEIGHTS = {
    PathwayStatus.PROPOSTO: 12, PathwayStatus.ATTIVO: 42, PathwayStatus.SOSPESO: 7,
    PathwayStatus.CONCLUSO: 29, PathwayStatus.INTERROTTO: 10,
}
_PACT_COMMITMENTS = {
    PathwayKind.GOL1_REINSERIMENTO: "Ricerca attiva: almeno 2 candidature al mese; colloqui di "
    "verifica bimestrali; aggiornamento del curriculum.",
    PathwayKind.GOL2_AGGIORNAMENTO: "Partecipazione a un corso breve di aggiornamento "
    "(voucher formativo); ricerca attiva del lavoro.",
    PathwayKind.GOL3_RIQUALIFICAZIONE: "Percorso di riqualificazione con corso lungo e "
    "attestato; bilancio delle competenze.",
    PathwayKind.GOL4_LAVORO_INCLUSIONE: "Presa in carico integrata con i servizi sociali; "
    "tirocinio di inserimento.",
    PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA: "Ricollocazione collettiva concordata al tavolo: "
    "orientamento di gruppo, incontri con aziende, formazione mirata.",
    PathwayKind.AUTOIMPIEGO: "Accompagnamento all'avvio d'impresa con lo Sportello Unico: idea, "
    "business plan, avvio e tutoraggio (Mettersi in proprio).",
}
_DIARY = [
    (DiaryKind.COLLOQUIO, "Colloquio di accoglienza",
     "Ricostruita la storia lavorativa; interesse per il back office e i servizi amministrativi."),
    (DiaryKind.COLLOQUIO, "Colloquio di orientamento",
     "Valutate le competenze digitali; proposto un corso di aggiornamento."),
    (DiaryKind.TELEFONATA, "Telefonata", "Confermata la disponibilità per il colloquio di martedì."),
    (DiaryKind.TELEFONATA, "Telefonata non risposta", "Lasciato messaggio in segreteria."),
    (DiaryKind.EMAIL, "Invio offerte", "Inviate per e-mail tre offerte di lavoro in provincia."),
    (DiaryKind.EMAIL, "Documenti ricevuti", "Ricevuti curriculum aggiornato e copia della DID."),
    (DiaryKind.NOTA, "Nota", "Disponibile a spostarsi fino a 30 km; senza vincoli di orario."),
    (DiaryKind.NOTA, "Nota", "Preferisce il part-time per esigenze familiari."),
    (DiaryKind.INCONTRO, "Incontro di gruppo", "Partecipazione all'incontro informativo sul "
     "programma GOL con le aziende del territorio."),
    (DiaryKind.INCONTRO, "Sportello Unico", "Primo incontro sull'idea d'impresa; fissata la "
     "pre-accoglienza di Mettersi in proprio."),
]
_APPOINTMENT_PURPOSES = [
    "Primo colloquio di accoglienza", "Colloquio di orientamento", "Firma del patto di servizio",
    "Verifica del percorso", "Aggiornamento della profilazione", "Colloquio per voucher formativo",
    "Convocazione per la vertenza", "Incontro Sportello Unico: idea d'impresa",
]
_OFFER_ROLES = [
    ("Operatore di customer care", "I"), ("Addetto back office", "I"),
    ("Impiegato amministrativo", "I"), ("Addetto paghe e contributi", "I"),
    ("Magazziniere", "O"), ("Carrellista", "O"), ("Addetto alle pulizie", "O"),
    ("Cassiere", "O"), ("Addetto vendite", "I"), ("Tecnico help desk", "I"),
    ("Operaio di produzione", "O"), ("Receptionist", "I"), ("Coordinatore di turno", "M"),
    ("Responsabile ufficio clienti", "Q"), ("Apprendista impiegato", "A"),
]
_EMPLOYER_KINDS = [
    ("Servizi", "82.20.00"), ("Logistica", "49.41.00"), ("Commercio", "46.90.00"),
    ("Assistenza", "87.30.00"), ("Informatica", "62.20.10"), ("Ristorazione", "56.11.11"),
    ("Alberghi", "55.10.00"), ("Vini", "11.02.10"), ("Meccanica", "28.29.99"),
    ("Pulizie", "81.21.00"), ("Contabilità", "69.20.03"), ("Tessile", "13.20.00"),
]
_EMPLOYER_WORDS = ["Alfa", "Orizzonte", "Monferrato", "Langhe", "Arno", "Canavese", "Collina",
                   "Futura", "Sinergia", "Tanaro", "Belbo", "Nova", "Delta", "Prima", "Aurora",
                   "Chianti", "Mugello", "Roero", "Serra", "Dora"]
_EMPLOYER_FORMS = ["S.r.l.", "S.p.A.", "S.n.c.", "Soc. Coop.", "S.r.l.s."]

# Business ideas: (title, ATECO 2025 subcategory, legal forms).
_BUSINESS_IDEAS = [
    ("Bar caffetteria in centro", "56.30.01"), ("Ristorante di cucina tipica", "56.11.11"),
    ("Laboratorio di pasticceria", "10.71.20"), ("Salone di parrucchiere", "96.21.00"),
    ("Centro estetico", "96.22.09"), ("Sviluppo di software gestionale", "62.10.00"),
    ("Consulenza informatica alle piccole imprese", "62.20.10"), ("Impresa di pulizie", "81.21.00"),
    ("Installazione di impianti fotovoltaici", "43.21.01"), ("Negozio di frutta e verdura", "47.21.01"),
    ("Corsi di formazione professionale", "85.59.20"), ("Studio di servizi contabili", "69.20.03"),
    ("Grafica e siti web", "74.12.01"), ("Marketing digitale per le imprese", "73.11.02"),
    ("Officina di riparazione auto", "95.31.10"), ("Negozio di fiori e piante", "47.76.10"),
    ("Orticoltura biologica", "01.13.11"), ("Boutique di abbigliamento", "47.71.10"),
    ("Baby parking", "88.91.00"), ("Studio fotografico", "74.20.19"), ("Tinteggiature e decorazioni", "43.34.01"),
    ("Agriturismo con camere", "55.20.51"), ("Panetteria di quartiere", "47.24.10"),
]
_PROGRAMMES = [
    ("Mettersi in proprio (MIP) – Regione Piemonte", "Servizi di accompagnamento e tutoraggio "
     "all'avvio d'impresa e al lavoro autonomo: pre-accoglienza, validazione ex ante del business "
     "plan, tutoraggio ex post."),
    ("Microcredito – Ente Nazionale per il Microcredito", "Finanziamenti fino a 40.000 euro "
     "senza garanzie reali, con servizi di tutoraggio."),
    ("Fondo regionale per le nuove imprese", "Contributi a fondo perduto e finanziamenti agevolati "
     "per le imprese costituite da meno di 24 mesi."),
    ("Resto al Sud 2.0 / Autoimpiego Centro-Nord", "Incentivi nazionali per l'avvio di attività "
     "di lavoro autonomo e d'impresa da parte di disoccupati e persone in GOL."),
    ("NASpI anticipata per avvio d'impresa", "Liquidazione anticipata della NASpI in un'unica "
     "soluzione per chi avvia un'attività autonoma."),
]
_PROVIDERS = [
    dict(name="Astiss – Polo universitario Asti Studi Superiori", short="ASTISS",
         address="Piazzale Fabrizio De André", comune="Asti", provincia="AT", region="Piemonte",
         contact="Segreteria didattica", phone="0141 590400", email="formazione@astiss.example.it"),
    dict(name="Politecnico di Torino – Formazione permanente", short="POLITO",
         address="Corso Duca degli Abruzzi 24", comune="Torino", provincia="TO", region="Piemonte",
         contact="Ufficio formazione continua", phone="011 0906000", email="lifelong@polito.example.it"),
    dict(name="CFP Tanaro Formazione", short="CFPTAN", address="Via Arno 12", comune="Asti",
         provincia="AT", region="Piemonte", contact="Elisa Bosco", phone="0141 211320",
         email="segreteria@cfptanaro.example.it"),
    dict(name="Canavese Formazione Lavoro", short="CANFL", address="Via Jervis 77", comune="Ivrea",
         provincia="TO", region="Piemonte", contact="Walter Chiesa", phone="0125 644120",
         email="info@canaveseformazione.example.it"),
    dict(name="Arno Formazione Agenzia accreditata", short="ARNOF", address="Via di Novoli 40",
         comune="Firenze", provincia="FI", region="Toscana", contact="Ilaria Nardi",
         phone="055 4378210", email="corsi@arnoformazione.example.it"),
    dict(name="Prato Competenze", short="PRATOC", address="Via Pistoiese 155", comune="Prato",
         provincia="PO", region="Toscana", contact="Jacopo Bacci", phone="0574 633410",
         email="info@pratocompetenze.example.it"),
]
# Courses: (area, title, hours, euro per participant, certificate, providers allowed)
_COURSES = [
    ("Processi digitali", "Processi digitali per il back office", 80, 1600, "Attestato di frequenza con profitto", None),
    ("Processi digitali", "Digitalizzazione dei processi aziendali", 120, 2400, "Certificazione delle competenze", None),
    ("Processi digitali", "Competenze digitali di base (DigComp 2.2)", 40, 600, "Attestato di frequenza", None),
    ("Gestione documentale", "Gestione documentale e conservazione digitale", 60, 1200, "Attestato di frequenza con profitto", None),
    ("Gestione documentale", "Protocollo informatico e archiviazione", 40, 800, "Attestato di frequenza", None),
    ("Strumenti di intelligenza artificiale", "Strumenti di intelligenza artificiale per l'ufficio", 40, 900, "Attestato di frequenza con profitto", None),
    ("Strumenti di intelligenza artificiale", "IA generativa per il customer care", 32, 800, "Open badge", None),
    ("Strumenti di intelligenza artificiale", "Analisi dei dati con strumenti di IA", 80, 2200, "Certificazione delle competenze", ("POLITO", "ASTISS")),
    ("Customer care", "Customer care multicanale", 60, 1000, "Attestato di frequenza", None),
    ("Amministrazione", "Contabilità e paghe", 120, 2000, "Certificazione delle competenze", None),
    ("Amministrazione", "Amministrazione del personale", 80, 1500, "Attestato di frequenza con profitto", None),
    ("Logistica", "Logistica di magazzino e patentino del carrello", 40, 700, "Attestato di abilitazione", None),
    ("Lingue", "Inglese per il lavoro (livello B1)", 60, 900, "Attestato di frequenza con profitto", None),
    ("Informatica", "Sviluppo web front end", 200, 3800, "Qualifica professionale", ("POLITO", "ARNOF", "CANFL")),
    ("Sicurezza", "Sicurezza sul lavoro: formazione generale e specifica", 16, 250, "Attestato di frequenza", None),
]
# Funds: (name, kind, year, region or None, slack over what is used)
_FUNDS = [
    ("Fondo Nuove Competenze 2025", FundKind.FONDO_NUOVE_COMPETENZE, 2025, None, 0.06),
    ("Fondimpresa – Conto di sistema 2026", FundKind.FONDO_INTERPROFESSIONALE, 2026, None, 0.12),
    ("For.Te. – Avviso per la riqualificazione 2026", FundKind.FONDO_INTERPROFESSIONALE, 2026, None, 0.08),
    ("GOL Piemonte – Formazione", FundKind.GOL, 2026, "Piemonte", 0.003),
    ("GOL Toscana – Formazione", FundKind.GOL, 2026, "Toscana", 0.04),
    ("Regione Piemonte – Buono formazione", FundKind.REGIONALE, 2026, "Piemonte", 0.15),
    ("Regione Toscana – Voucher formativi", FundKind.REGIONALE, 2026, "Toscana", 0.10),
]

# Voucher statuses a course can host, and pathway statuses a voucher status fits.
_VOUCHER_COURSE = {
    VoucherStatus.RICHIESTO: (CourseStatus.PROGRAMMATO,),
    VoucherStatus.APPROVATO: (CourseStatus.PROGRAMMATO,),
    VoucherStatus.IN_CORSO: (CourseStatus.IN_CORSO,),
    VoucherStatus.CONCLUSO: (CourseStatus.CONCLUSO,),
    VoucherStatus.RENDICONTATO: (CourseStatus.CONCLUSO,),
    VoucherStatus.RITIRATO: (CourseStatus.IN_CORSO, CourseStatus.CONCLUSO),
    VoucherStatus.REVOCATO: (CourseStatus.ANNULLATO, CourseStatus.PROGRAMMATO),
}
_VOUCHER_FOR_PATHWAY = {
    PathwayStatus.PROPOSTO: [(VoucherStatus.RICHIESTO, 1)],
    PathwayStatus.ATTIVO: [(VoucherStatus.APPROVATO, 3), (VoucherStatus.IN_CORSO, 5),
                           (VoucherStatus.RICHIESTO, 2), (VoucherStatus.CONCLUSO, 1)],
    PathwayStatus.SOSPESO: [(VoucherStatus.REVOCATO, 1), (VoucherStatus.APPROVATO, 1)],
    PathwayStatus.CONCLUSO: [(VoucherStatus.RENDICONTATO, 3), (VoucherStatus.CONCLUSO, 2)],
    PathwayStatus.INTERROTTO: [(VoucherStatus.RITIRATO, 2), (VoucherStatus.REVOCATO, 1)],
}
_STAGE_FOR_PATHWAY = {
    PathwayStatus.PROPOSTO: [(BusinessStage.PRE_ACCOGLIENZA, 1)],
    PathwayStatus.ATTIVO: [(BusinessStage.ACCOMPAGNAMENTO_EX_ANTE, 3),
                           (BusinessStage.BUSINESS_PLAN_VALIDATO, 2), (BusinessStage.AVVIO_IMPRESA, 2)],
    PathwayStatus.SOSPESO: [(BusinessStage.ACCOMPAGNAMENTO_EX_ANTE, 1)],
    PathwayStatus.CONCLUSO: [(BusinessStage.TUTORAGGIO_EX_POST, 3), (BusinessStage.AVVIO_IMPRESA, 1)],
    PathwayStatus.INTERROTTO: [(BusinessStage.PRE_ACCOGLIENZA, 1), (BusinessStage.ACCOMPAGNAMENTO_EX_ANTE, 1)],
}
_APPLICATION_STEPS: dict[str, list[str]] = {
    ApplicationStatus.PROPOSTA: [ApplicationStatus.PROPOSTA],
    ApplicationStatus.INVIATA: [ApplicationStatus.PROPOSTA, ApplicationStatus.INVIATA],
    ApplicationStatus.COLLOQUIO: [ApplicationStatus.PROPOSTA, ApplicationStatus.INVIATA,
                                  ApplicationStatus.COLLOQUIO],
    ApplicationStatus.NON_SELEZIONATO: [ApplicationStatus.PROPOSTA,
                                        ApplicationStatus.INVIATA,
                                        ApplicationStatus.COLLOQUIO,
                                        ApplicationStatus.NON_SELEZIONATO],
    ApplicationStatus.RITIRATA: [ApplicationStatus.PROPOSTA, ApplicationStatus.INVIATA,
                                 ApplicationStatus.RITIRATA],
    ApplicationStatus.ASSUNTO: [ApplicationStatus.PROPOSTA, ApplicationStatus.INVIATA,
                                ApplicationStatus.COLLOQUIO, ApplicationStatus.ASSUNTO],
}
_STAGE_ORDER = list(BusinessStage)
_COMMITTED = {VoucherStatus.APPROVATO, VoucherStatus.IN_CORSO, VoucherStatus.CONCLUSO}
_SEAT_HOLDING = {VoucherStatus.RICHIESTO, VoucherStatus.APPROVATO, VoucherStatus.IN_CORSO,
                 VoucherStatus.CONCLUSO, VoucherStatus.RENDICONTATO}


_DAYS = [dt.timedelta(days=n) for n in range(3660)]  # timedelta(days=n) without building it

# --------------------------------------------------------------------------- result


@dataclass
class DemoSummary:
    office_code: str
    office_name: str
    office_created: bool
    admin_created: bool
    admin_username: str
    seed: int
    workers: int
    without_consent: int
    operators: int
    managers: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # rows written per table
    seconds: float = 0.0

    def lines(self) -> list[str]:
        c = self.counts

        def n(value: int) -> str:
            return f"{value:,}".replace(",", ".")

        out = [f"Dati dimostrativi generati in {self.seconds:.1f} s (seme {self.seed})."]
        if self.office_created:
            out.append(f"Ufficio creato: {self.office_code} – {self.office_name}.")
        else:
            out.append(f"Ufficio: {self.office_code} – {self.office_name}.")
        if self.admin_created:
            out.append(
                f"Amministratore creato: utente '{self.admin_username}', password "
                f"'{DEMO_PASSWORD}' (cambiarla al primo accesso)."
            )
        out += [
            f"Personale: {n(self.operators)} operatori e {n(self.managers)} responsabili "
            f"(password '{DEMO_PASSWORD}').",
            f"Vertenze: {n(c.get('vertenza', 0))}; lavoratori: {n(self.workers)}, di cui "
            f"{n(self.without_consent)} senza consenso privacy.",
            f"Situazioni occupazionali: {n(c.get('employment_situation', 0))}; patti di servizio: "
            f"{n(c.get('service_pact', 0))}; percorsi: {n(c.get('pathway', 0))}.",
            f"Diario: {n(c.get('diary_entry', 0))} annotazioni; appuntamenti: "
            f"{n(c.get('appointment', 0))}.",
            f"Aziende: {n(c.get('employer', 0))}; offerte di lavoro: {n(c.get('job_offer', 0))}; "
            f"candidature: {n(c.get('application', 0))}; assunzioni: {n(c.get('hire', 0))}.",
            f"Progetti d'impresa: {n(c.get('business_project', 0))}; pratiche SUAP: "
            f"{n(c.get('suap_filing', 0))}; richieste di finanziamento: "
            f"{n(c.get('funding_request', 0))}.",
            f"Enti di formazione: {n(c.get('training_provider', 0))}; corsi: "
            f"{n(c.get('course', 0))} ({n(c.get('course_session', 0))} lezioni); fondi: "
            f"{n(c.get('fund', 0))}; voucher: {n(c.get('voucher', 0))}; presenze: "
            f"{n(c.get('attendance', 0))}.",
            f"Righe scritte in tutto: {n(sum(c.values()))}.",
        ]
        return out


# --------------------------------------------------------------------------- helpers


def _tables() -> dict[str, Table]:
    return dict(Base.metadata.tables)  # type: ignore[arg-type]


class _Picker:
    """Weighted random choice; with ``cover``, every value comes out once before chance rules."""

    def __init__(self, rng: random.Random, weighted: Sequence[tuple[T, float]] | dict[T, float],
                 cover: bool = False) -> None:
        items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
        self.rng = rng
        self.values = [v for v, _w in items]
        total = 0.0
        self.cum: list[float] = []
        for _v, w in items:
            total += w
            self.cum.append(total)
        self.total = total
        self.pending: list[Any] = []
        if cover:
            self.pending = list(self.values)
            rng.shuffle(self.pending)

    def __call__(self) -> Any:
        if self.pending:
            return self.pending.pop()
        return self.values[bisect.bisect_right(self.cum, self.rng.random() * self.total)
                           if self.total else 0]


def _least_used(options: Sequence[tuple[T, float]], used: Counter[Any]) -> T:
    """The option used least so far (the first one listed on a tie): covers every value."""
    return min(options, key=lambda option: used[option[0]])[0]


def _partita_iva(rng: random.Random, taken: set[str]) -> str:
    """A fictitious partita IVA with a valid check digit, not in ``taken``."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(7)] + [0, 0, rng.randint(1, 9)]
        total = 0
        for i, d in enumerate(digits):
            if i % 2 == 0:
                total += d
            else:
                total += d * 2 - 9 if d * 2 > 9 else d * 2
        digits.append((10 - total % 10) % 10)
        value = "".join(map(str, digits))
        if value not in taken:
            taken.add(value)
            return value


def _unique(value: str, taken: set[str], sep: str = " ") -> str:
    candidate, n = value, 2
    while candidate in taken:
        candidate = f"{value}{sep}{n}"
        n += 1
    taken.add(candidate)
    return candidate


@functools.lru_cache(maxsize=4096)
def _ascii(value: str) -> str:
    return "".join(c for c in worker_search_text({"surname": value}) if c.isalnum())


def _clamp_past(day: dt.date, today: dt.date) -> dt.date:
    return day if day <= today else today


def _at(day: dt.date, rng: random.Random, start_hour: int = 9, end_hour: int = 17) -> dt.datetime:
    """A time of day between the hours, on ``day``."""
    minute = start_hour * 60 + int(rng.random() * (end_hour - start_hour) * 60)
    return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60)


def _open_day(day: dt.date) -> bool:
    return agenda.closed_reason(day) is None


# --------------------------------------------------------------------------- generator


class _Generator:
    def __init__(self, session: Session, workers: int, seed: int,
                 progress: ProgressFn | None) -> None:
        self.session = session
        self.conn: Connection = session.connection()
        self.n = workers
        self.rng = random.Random(seed)
        rand = self.rng.random

        def ri(a: int, b: int) -> int:  # randint, four times faster
            return a + int(rand() * (b - a + 1))

        def rc(seq: Sequence[T]) -> T:  # choice
            return seq[int(rand() * len(seq))]

        def rd(a: int, b: int) -> dt.timedelta:  # a random number of days, a..b
            return _DAYS[a + int(rand() * (b - a + 1))]

        self.ri = ri
        self.rc = rc
        self.rd = rd
        self.seed = seed
        self.progress = progress
        self.today = dt.date.today()
        self.exit_rng = random.Random(f"{seed}-cohort-exits")
        self.now = dt.datetime.now().replace(microsecond=0)
        self.t = _tables()
        self.counts: Counter[str] = Counter()
        self.pending: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        self.ids: dict[str, Iterator[int]] = {}
        self.touched: set[str] = set()
        self.sqlite = db.is_sqlite(self.conn.engine)  # else: portable Core inserts

    # ---------------------------------------------------------------- plumbing

    def new_id(self, table: str) -> int:
        counter = self.ids.get(table)
        if counter is None:
            tbl = self.t[table]
            current = self.conn.execute(select(func.max(tbl.c.id))).scalar()
            counter = self.ids[table] = itertools.count((current or 0) + 1)
        return next(counter)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.pending[table].append(row)

    def versioned(self, at: dt.datetime | None = None) -> dict[str, Any]:
        stamp = at or self.now
        return {"version": 1, "created_at": stamp, "updated_at": stamp}

    _ORDER = [
        "operator", "vertenza", "vertenza_site", "vertenza_party", "tavolo_meeting",
        "employer", "job_offer", "funding_programme",
        "training_provider", "course", "course_session", "fund",
        "worker", "worker_status_change", "worker_language", "employment_situation", "service_pact", "pathway",
        "diary_entry", "appointment", "application", "application_status_change", "hire",
        "business_project", "business_stage_event", "suap_filing", "funding_request",
        "voucher", "voucher_status_change", "attendance",
    ]

    def flush(self) -> None:
        """Insert the pending rows, parents first."""
        batch = self.pending
        for name in self._ORDER:
            rows = batch.get(name)
            if not rows:
                continue
            if self.sqlite:
                self.sqlite_insert(name, rows)
            else:
                self.conn.execute(self.t[name].insert(), rows)
            self.counts[name] += len(rows)
            self.touched.add(name)
            rows.clear()
        left = [name for name, rows in batch.items() if rows]
        assert not left, f"tables not in _ORDER: {left}"

    def sqlite_insert(self, name: str, rows: list[dict[str, Any]]) -> None:
        """executemany straight to sqlite3, values shaped as SQLAlchemy would store them.

        SQLAlchemy's per-row bind processing costs more than SQLite's insert itself; here
        dates become ISO text and timestamps ISO text with microseconds, exactly the
        formats of SQLAlchemy's SQLite DATE and DATETIME (so comparisons keep working).
        """
        table = self.t[name]
        columns = [c for c in table.columns if c.name in rows[0]]
        coded = frozenset(  # in_check("status", ...) is named ck_<table>_status
            str(ck.name).removeprefix(f"ck_{name}_")
            for ck in table.constraints if isinstance(ck, CheckConstraint) and ck.name
        )
        sql = (
            f'INSERT INTO "{name}" ({", ".join(chr(34) + c.name + chr(34) for c in columns)}) '
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        maker = _sqlite_row_maker(tuple(columns), coded)
        self.conn.exec_driver_sql(sql, maker(rows))  # type: ignore[arg-type]

    def sqlite_bulk_begin(self) -> None:
        """Build indexes once at the end instead of row by row, as bulk loaders do.

        Inside this transaction, the plain (non-unique) indexes of the tables that get
        a row per worker and the FTS5 insert trigger on ``worker`` are dropped;
        ``sqlite_bulk_end`` creates them again from their own SQL in ``sqlite_master``
        (sorting once beats a million random B-tree inserts) and rebuilds the search
        index from the table. A rollback brings everything back by itself. Unique
        indexes stay: they keep checking as rows arrive.
        """
        self.saved_triggers: list[str] = []
        self.saved_indexes: list[str] = []
        self.saved_cache: int | None = None
        self.has_fts = False
        if not self.sqlite:
            return
        self.saved_cache = self.conn.exec_driver_sql("PRAGMA cache_size").scalar()
        self.conn.exec_driver_sql("PRAGMA cache_size=-131072")  # 128 MiB
        bulk_tables = self._ORDER[self._ORDER.index("worker"):]
        marks = ", ".join("?" * len(bulk_tables))
        indexes = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND upper(sql) NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})",
            tuple(bulk_tables),
        ).all()
        for name, sql in indexes:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
            self.saved_indexes.append(sql)
        self.has_fts = search.has_fts(self.session)
        if not self.has_fts:
            return
        found = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'worker'"
        ).all()
        for name, sql in found:
            if search.FTS_TABLE in sql and "AFTER INSERT" in sql.upper():
                self.conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
                self.saved_triggers.append(sql)

    def sqlite_bulk_end(self) -> None:
        if not self.sqlite:
            return
        for sql in self.saved_indexes + self.saved_triggers:
            self.conn.exec_driver_sql(sql)
        if self.has_fts:
            fts = search.FTS_TABLE
            self.conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")

    def restore_cache_size(self) -> None:
        """The page cache is per connection and outside transactions: put it back."""
        if self.sqlite and self.saved_cache is not None:
            try:
                self.conn.exec_driver_sql(f"PRAGMA cache_size={int(self.saved_cache)}")
            except DBAPIError:  # best effort: never hide the error that brought us here
                pass

    def fix_sequences(self) -> None:
        """PostgreSQL: ids were given explicitly, so move each serial past them."""
        if self.conn.dialect.name != "postgresql":
            return
        for name in sorted(self.touched):
            self.conn.execute(
                text(
                    f"""SELECT setval(pg_get_serial_sequence('"{name}"', 'id'), """
                    f"""(SELECT MAX(id) FROM "{name}")) """
                    f"""WHERE pg_get_serial_sequence('"{name}"', 'id') IS NOT NULL"""
                )
            )

    # ---------------------------------------------------------------- office and staff

    def office_and_admin(self, actor_id: int | None) -> tuple[Office, Operator, bool, bool]:
        s = self.session
        office = s.scalars(select(Office).order_by(Office.id).limit(1)).first()
        office_created = office is None
        if office is None:
            office = Office(
                code="CPI-AT", name="Centro per l'Impiego di Asti", kind=OfficeKind.CPI,
                address="Corso Dante 12", comune="Asti", cap="14100", provincia="AT",
                phone="0141 433210", email="cpi.asti@lavoro.example.it",
                pec="cpi.asti@pec.lavoro.example.it",
                signatory_name="Dott.ssa Laura Bertolino",
                signatory_role="Responsabile del Centro per l'Impiego",
                preferences={"opening": {k: [list(span) for span in v]
                                         for k, v in agenda.DEFAULT_OPENING.items()}},
            )
            s.add(office)
            s.flush()
        admin = s.scalars(
            select(Operator)
            .where(Operator.role == Role.AMMINISTRATORE, Operator.active.is_(True))
            .order_by(Operator.id).limit(1)
        ).first()
        admin_created = admin is None
        if admin is None:
            taken = set(s.scalars(select(Operator.username)))
            admin = Operator(
                office_id=office.id, username=_unique(ADMIN_USERNAME, taken, "."),
                full_name="Amministratore del sistema", role=Role.AMMINISTRATORE,
                password_hash=passwords.hash_password(DEMO_PASSWORD), must_change_password=True,
            )
            s.add(admin)
            s.flush()
        if actor_id is None:
            s.info["actor_id"] = admin.id
        return office, admin, office_created, admin_created

    def staff(self, office: Office) -> None:
        n_ops = max(5, min(120, math.ceil(self.n / 1400)))
        n_resp = max(2, n_ops // 8)
        taken = set(self.session.scalars(select(Operator.username)))
        pw_hash = passwords.hash_password(DEMO_PASSWORD)  # one hash for every demo login
        self.operators: list[int] = []
        self.managers: list[int] = []
        names = list(_STAFF)
        self.rng.shuffle(names)
        for i in range(n_ops + n_resp):
            if i < len(names):
                first, last = names[i]
            else:
                first = self.rc(_MALE + _FEMALE)
                last = self.rc(_SURNAMES)
            base = f"{_ascii(first)[:1]}.{_ascii(last)}"
            username = _unique(base, taken, "")
            role = Role.RESPONSABILE if i < n_resp else Role.OPERATORE
            oid = self.new_id("operator")
            self.add("operator", {
                "id": oid, "office_id": office.id, "username": username,
                "full_name": f"{first} {last}", "email": f"{username}@lavoro.example.it",
                "role": role, "password_hash": pw_hash, "active": True,
                "must_change_password": False, "failed_logins": 0, "locked_until": None,
                "last_login_at": self.now - dt.timedelta(hours=self.ri(1, 400)),
                **self.versioned(),
            })
            (self.managers if role == Role.RESPONSABILE else self.operators).append(oid)

    # ---------------------------------------------------------------- reference data

    def vertenze(self) -> None:
        taken_codes = set(self.conn.execute(select(self.t["vertenza"].c.code)).scalars())
        self.piva_taken: set[str] = set()
        total_weight = sum(v["weight"] for v in _VERTENZE) + _NO_VERTENZA_WEIGHT
        self.vertenza_rows: list[dict[str, Any]] = []
        self.vertenza_quota: list[tuple[dict[str, Any] | None, int]] = []
        assigned = 0
        company_cf: dict[str, str] = {}  # one tax number per company, however many sites
        for spec in _VERTENZE:
            share = round(self.n * spec["weight"] / total_weight)
            share = min(share, self.n - assigned)
            assigned += share
            vid = self.new_id("vertenza")
            opened = spec.get("opened") or (
                self.today - dt.timedelta(days=int(spec["months"] * 30.4)))
            status = spec.get("status", VertenzaStatus.APERTA)
            agreement = opened + dt.timedelta(days=self.ri(30, 90))
            tax_number = company_cf.setdefault(
                spec["company"].removesuffix(" in liquidazione"),
                _partita_iva(self.rng, self.piva_taken))
            cigs_from = spec.get("cigs_from")
            if cigs_from is None and spec["cigs"] > 0:
                cigs_from = agreement
            cigs_to = spec.get("cigs_to") or (
                cigs_from + dt.timedelta(days=364) if cigs_from else None)
            row = {
                "id": vid, "code": _unique(spec["code"], taken_codes, "-"), "title": spec["title"],
                "company_name": spec["company"], "company_cf": tax_number,
                "company_piva": tax_number, "safety_net": spec["net"],
                "cigs_from": cigs_from, "cigs_to": cigs_to,
                "site": spec["site"], "comune": spec["comune"], "provincia": spec["provincia"],
                "region": spec["region"], "opened_on": opened,
                "agreement_on": spec.get("agreement") or agreement,
                "closed_on": (self.today - dt.timedelta(days=self.ri(10, 60))
                              if status == VertenzaStatus.CHIUSA else None),
                "status": status, "workers_expected": spec.get("expected", share),
                "notes": spec["notes"],
                **self.versioned(),
            }
            self.add("vertenza", row)
            self.tavolo(spec, row)
            self.vertenza_rows.append(row)
            self.vertenza_quota.append(({**spec, "row": row}, share))
        self.vertenza_quota.append((None, self.n - assigned))

    def tavolo(self, spec: dict[str, Any], row: dict[str, Any]) -> None:
        """The vertenza's sites, the parties at its tavolo and the meetings held so far.

        A random generator of its own, so that the workers stay those of earlier versions.
        """
        rng = random.Random(f"{self.seed}-{spec['code']}")
        for comune, provincia, address, count in spec.get("sites") or [
                (spec["comune"], spec["provincia"], None, None)]:
            self.add("vertenza_site", {
                "id": self.new_id("vertenza_site"), "vertenza_id": row["id"], "comune": comune,
                "provincia": provincia, "address": address, "workers_count": count,
                **self.versioned()})
        for kind, name, contact in _PARTIES.get(spec["code"], []):
            self.add("vertenza_party", {
                "id": self.new_id("vertenza_party"), "vertenza_id": row["id"], "kind": kind,
                "name": name, "contact": contact, **self.versioned()})
        place, decisions = _MEETINGS.get(spec["code"], (None, []))
        day = row["agreement_on"] - dt.timedelta(days=rng.randint(10, 25))
        held: list[tuple[dt.date, str]] = []
        for decision in decisions:
            day = _open_weekday(day)
            if day >= self.today:  # held before today: today's meeting is the clerk's
                break
            held.append((day, decision))
            day += dt.timedelta(days=rng.randint(60, 110))
        parties = [name for _kind, name, _contact in _PARTIES.get(spec["code"], [])]
        for i, (day, decision) in enumerate(held):
            last = i == len(held) - 1
            following = (held[i + 1][0] if not last
                         else _open_weekday(self.today + dt.timedelta(days=rng.randint(14, 45))))
            online = rng.random() < 0.3
            self.add("tavolo_meeting", {
                "id": self.new_id("tavolo_meeting"), "vertenza_id": row["id"], "held_on": day,
                "place": None if online else place, "online": online,
                "attendees": "\n".join(parties) or None, "decisions": decision,
                "minutes": (f"Verbale dell'incontro del {day:%d/%m/%Y}.\n"
                            f"Le parti prendono atto della situazione dei lavoratori. {decision}\n"
                            "Il Centro per l'Impiego riferisce sulle convocazioni e sui "
                            "percorsi avviati."),
                "documents": "Elenco dei lavoratori aggiornato; situazione dei percorsi."
                             if i else "Elenco dei lavoratori.",
                "next_meeting_on": following, **self.versioned()})

    def employers_and_offers(self) -> None:
        rd = self.rd
        ri = self.ri
        rc = self.rc
        rng = self.rng
        taken = set(self.conn.execute(select(self.t["employer"].c.cf_piva)).scalars())
        self.piva_taken |= {p for p in taken if p}
        ateco_ok = {code for _k, code in _EMPLOYER_KINDS if _ateco_title(code)}
        n_emp = max(12, min(3000, self.n // 60))
        self.employers: list[dict[str, Any]] = []
        pools = [("Piemonte", _RES_ASTI + _RES_IVREA, 65), ("Toscana", _RES_TOSCANA, 35)]
        region_pick = _Picker(rng, [(p, w) for *p, w in pools])
        names_taken: set[str] = set()
        for _ in range(n_emp):
            region, places = region_pick()
            comune, prov, cap, prefix, _w = rc(places)
            kind, ateco_code = rc(_EMPLOYER_KINDS)
            base = (f"{kind} {rc(_EMPLOYER_WORDS)}" if rng.random() < 0.5
                    else f"{rc(_SURNAMES)} {kind}")
            name = _unique(f"{base} {rc(_EMPLOYER_FORMS)}", names_taken)
            first, last = rc(_FEMALE + _MALE), rc(_SURNAMES)
            eid = self.new_id("employer")
            row = {
                "id": eid, "name": name, "cf_piva": _partita_iva(rng, self.piva_taken),
                "address": f"{rc(_STREETS)} {ri(1, 180)}", "comune": comune,
                "provincia": prov, "ateco_code": ateco_code if ateco_code in ateco_ok else None,
                "contact_name": f"{first} {last}", "phone": f"{prefix} {ri(200000, 999999)}",
                "email": f"selezione@{_ascii(name.split()[0] + name.split()[1])}.example.it",
                **self.versioned(),
            }
            self.add("employer", row)
            self.employers.append({**row, "region": region})
        n_off = max(12, min(8000, self.n // 20))
        contract = _Picker(rng, {ContractType.INDETERMINATO: 25, ContractType.DETERMINATO: 35,
                                 ContractType.APPRENDISTATO: 8, ContractType.SOMMINISTRAZIONE: 18,
                                 ContractType.COLLABORAZIONE: 4, ContractType.TIROCINIO: 10},
                           cover=True)
        self.offers_by_region: dict[str, list[dict[str, Any]]] = {"Piemonte": [], "Toscana": []}
        self.hires_by_offer: dict[int, int] = {}
        self.offer_openings: dict[int, int] = {}
        forced = [JobOfferStatus.APERTA, JobOfferStatus.COPERTA, JobOfferStatus.CHIUSA]
        for i in range(n_off):
            emp = rc(self.employers)
            role, qcode = rc(_OFFER_ROLES)
            ctype = contract()
            published = self.today - rd(0, 330)
            closing = published + rd(30, 90)
            if i < len(forced):
                status = forced[i]
                if status == JobOfferStatus.APERTA:  # an open offer still takes candidates
                    published = self.today - rd(0, 20)
                    closing = self.today + rd(15, 60)
            elif closing < self.today:
                status = JobOfferStatus.COPERTA if rng.random() < 0.55 else JobOfferStatus.CHIUSA
            else:
                status = JobOfferStatus.COPERTA if rng.random() < 0.1 else JobOfferStatus.APERTA
            hours = 40.0 if ctype != ContractType.TIROCINIO else 30.0
            if rng.random() < 0.3:
                hours = rc([20.0, 24.0, 30.0])
            oid = self.new_id("job_offer")
            row = {
                "id": oid, "employer_id": emp["id"], "operator_id": rc(self.operators),
                "role": role, "qualifica_code": qcode, "comune": emp["comune"],
                "provincia": emp["provincia"], "contract_type": ctype, "weekly_hours": hours,
                "openings": rc([1, 1, 1, 2, 2, 3, 5]), "published_on": published,
                "closing_on": closing,
                "requirements": rc([
                    "Diploma; buon uso del PC; disponibilità su turni.",
                    "Esperienza di almeno un anno nel ruolo; patente B.",
                    "Conoscenza dell'inglese (B1); capacità di relazione con il pubblico.",
                    "Nessuna esperienza richiesta: formazione iniziale a carico dell'azienda.",
                ]),
                "skills": ", ".join(rng.sample(_SKILLS, 3)), "status": status,
                **self.versioned(dt.datetime.combine(published, dt.time(10, 0))),
            }
            self.add("job_offer", row)
            self.offer_openings[oid] = row["openings"]
            self.offers_by_region[emp["region"]].append(row)
        for region in self.offers_by_region:
            if not self.offers_by_region[region]:  # tiny runs: every region has offers
                self.offers_by_region[region] = [r for rs in self.offers_by_region.values() for r in rs]

    def programmes(self) -> None:
        taken = set(self.conn.execute(select(self.t["funding_programme"].c.name)).scalars())
        self.programme_ids: list[int] = []
        for name, description in _PROGRAMMES:
            pid = self.new_id("funding_programme")
            self.add("funding_programme", {
                "id": pid, "name": _unique(name, taken), "description": description,
                "active": True, **self.versioned(),
            })
            self.programme_ids.append(pid)
        ideas = []
        for title, code in _BUSINESS_IDEAS:
            label = _ateco_title(code)
            if label:
                ideas.append((title, code, label))
        self.ideas = ideas

    def training(self) -> None:
        rd = self.rd
        ri = self.ri
        rc = self.rc
        rng = self.rng
        taken_piva = set(self.conn.execute(select(self.t["training_provider"].c.cf_piva)).scalars())
        self.piva_taken |= {p for p in taken_piva if p}
        self.providers: dict[str, dict[str, Any]] = {}
        for spec in _PROVIDERS:
            pid = self.new_id("training_provider")
            row = {
                "id": pid, "name": spec["name"], "cf_piva": _partita_iva(rng, self.piva_taken),
                "address": spec["address"], "comune": spec["comune"], "provincia": spec["provincia"],
                "accreditation_code": f"{spec['provincia']}-{ri(100, 999)}/{ri(2019, 2024)}",
                "accredited_until": dt.date(self.today.year + ri(1, 3), 12, 31),
                "contact_name": spec["contact"], "phone": spec["phone"], "email": spec["email"],
                **self.versioned(),
            }
            self.add("training_provider", row)
            self.providers[spec["short"]] = {**row, "region": spec["region"], "short": spec["short"]}

        # Funds first (their ids are needed by vouchers); amounts are set at the end.
        taken_names = set(self.conn.execute(select(self.t["fund"].c.name)).scalars())
        self.funds: list[dict[str, Any]] = []
        for name, kind, year, region, slack in _FUNDS:
            fid = self.new_id("fund")
            row = {
                "id": fid, "name": _unique(name, taken_names), "kind": kind, "year": year,
                "budget_cents": 0, "committed_cents": 0, "spent_cents": 0, "active": True,
                "region": region if kind == FundKind.REGIONALE else None,
                "notes": "Importi impegnati e spesi calcolati dai voucher.", **self.versioned(),
            }
            self.add("fund", row)
            self.funds.append({"id": fid, "region": region, "slack": slack, "kind": kind,
                               "committed": 0, "spent": 0})

        # Courses: enough seats for about a third of the workers, in every status.
        expected_vouchers = max(10, int(self.n * 0.30))
        n_courses = max(12, math.ceil(expected_vouchers / 11))
        status_pick = _Picker(rng, {CourseStatus.PROGRAMMATO: 28, CourseStatus.IN_CORSO: 27,
                                    CourseStatus.CONCLUSO: 40, CourseStatus.ANNULLATO: 5}, cover=True)
        taken_codes = set(self.conn.execute(select(self.t["course"].c.code)).scalars())
        self.courses: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.course_rows: list[dict[str, Any]] = []
        regions = ["Piemonte", "Toscana"]
        seq = 0
        for i in range(n_courses):
            region = regions[i % 2] if i < 8 else ("Piemonte" if rng.random() < 0.65 else "Toscana")
            status = status_pick()
            area, title, hours, euros, certificate, allowed = rc(_COURSES)
            providers = [p for p in self.providers.values() if p["region"] == region
                         and (allowed is None or p["short"] in allowed)]
            if not providers:
                providers = [p for p in self.providers.values() if p["region"] == region]
            provider = rc(providers)
            # half days for short courses, full days (9-13, 14-18) for the long ones
            session_hours = 4.0 if hours <= 40 else 8.0
            n_sessions = max(1, math.ceil(hours / session_hours))
            per_week = rc([2, 3, 5])
            span_days = int(n_sessions / per_week * 7) + 7
            if status == CourseStatus.PROGRAMMATO:
                start = self.today + rd(10, 100)
            elif status == CourseStatus.ANNULLATO:
                start = self.today + dt.timedelta(days=ri(-60, 60))
            elif status == CourseStatus.IN_CORSO:
                start = self.today - dt.timedelta(days=max(3, int(span_days * rng.uniform(0.2, 0.6))))
            else:
                start = self.today - dt.timedelta(days=span_days + ri(20, 400))
            days = _session_days(start, n_sessions, per_week)
            if status == CourseStatus.IN_CORSO and not (days[0] <= self.today < days[-1]):
                # too short to be half-way today: start it a few days ago instead
                start = self.today - dt.timedelta(days=3)
                days = _session_days(start, max(n_sessions, 6), 5)
                n_sessions = len(days)
            seq += 1
            code = _unique(f"{provider['short']}-{days[0].year}-{seq:04d}", taken_codes, "-")
            cid = self.new_id("course")
            min_att = rc([70, 70, 75, 80])
            afternoon = session_hours == 4.0 and rng.random() < 0.35
            row = {
                "id": cid, "provider_id": provider["id"], "code": code, "title": title,
                "area": area, "hours": float(n_sessions * session_hours),
                "starts_on": days[0], "ends_on": days[-1], "seats": rc([12, 15, 16, 18, 20, 25]),
                "seats_taken": 0, "cost_cents": euros * 100, "certificate_type": certificate,
                "min_attendance_pct": min_att,
                "location": f"{provider['address']}, {provider['comune']}"
                            + (" (aula virtuale e in presenza)" if rng.random() < 0.3 else ""),
                "status": status, **self.versioned(),
            }
            self.add("course", row)
            sessions = []
            for k, day in enumerate(days):
                sid = self.new_id("course_session")
                starts = dt.datetime.combine(day, dt.time(14, 0) if afternoon else dt.time(9, 0))
                self.add("course_session", {
                    "id": sid, "course_id": cid, "starts_at": starts, "hours": session_hours,
                    "topic": f"{title}: modulo {k // 3 + 1}, lezione {k + 1}", **self.versioned(),
                })
                sessions.append((sid, starts))
            course = {**row, "region": region, "sessions": sessions, "taken": 0,
                      "session_hours": session_hours}
            self.courses.setdefault((region, status), []).append(course)
            self.course_rows.append(course)

    # ---------------------------------------------------------------- agenda

    def slot_pools(self, office: Office) -> None:
        """Every 30-minute slot of each operator, past 18 months and next 10 weeks."""
        start = self.today - dt.timedelta(days=540)
        end = self.today + dt.timedelta(days=70)
        day_slots: list[dt.datetime] = []
        day = start
        while day <= end:
            if _open_day(day):
                for a, b in agenda.opening_hours(office, day):
                    t = dt.datetime.combine(day, a)
                    stop = dt.datetime.combine(day, b)
                    while t + dt.timedelta(minutes=30) <= stop:
                        day_slots.append(t)
                        t += dt.timedelta(minutes=30)
            day += dt.timedelta(days=1)
        self.slots = day_slots
        self.first_future = bisect.bisect_left(day_slots, self.now + dt.timedelta(hours=1))
        self.first_today = bisect.bisect_left(day_slots, dt.datetime.combine(self.today, dt.time()))
        self.slot_taken: dict[int, set[int]] = {op: set() for op in self.operators + self.managers}

    def take_slot(self, operator_id: int, lo: int, hi: int) -> dt.datetime | None:
        if hi <= lo:
            return None
        taken = self.slot_taken[operator_id]
        rand = self.rng.random
        for _ in range(24):  # random probes; a window this full means no appointment
            i = lo + int(rand() * (hi - lo))
            if i not in taken:
                taken.add(i)
                return self.slots[i]
        return None

    # ---------------------------------------------------------------- workers

    def prepare_people(self) -> None:
        rng = self.rng
        self.surname_pick = _Picker(rng, [(s, 1) for s in _SURNAMES])
        self.foreign_pick = _Picker(rng, [(f, f[-1]) for f in _FOREIGN])
        self.birth_pools = {
            "piemonte": _Picker(rng, [(b, w * 7) for b, w in _BIRTH_PIEMONTE]
                                + [(b, w * 2) for b, w in _BIRTH_SOUTH]
                                + [(b, w) for b, w in _BIRTH_OTHER_ITALY + _BIRTH_TOSCANA[:4]]),
            "toscana": _Picker(rng, [(b, w * 7) for b, w in _BIRTH_TOSCANA]
                               + [(b, w * 2) for b, w in _BIRTH_SOUTH]
                               + [(b, w) for b, w in _BIRTH_OTHER_ITALY + _BIRTH_PIEMONTE[:3]]),
        }
        self.res_pools = {
            id(pool): _Picker(rng, [(p[:4], p[4]) for p in pool])
            for pool in (_RES_ASTI, _RES_IVREA, _RES_TOSCANA)
        }
        self.edu_pick = _Picker(rng, [((a, b), w) for a, b, w in _EDUCATION])
        combos = [(k, s) for k in PathwayKind for s in PathwayStatus]
        rng.shuffle(combos)
        # two more self-employment projects under way, so every business stage shows up
        combos += [(PathwayKind.AUTOIMPIEGO, PathwayStatus.ATTIVO)] * 2
        self.coverage = combos
        self.kind_pick = _Picker(rng, _PATHWAY_WEIGHTS)
        self.status_pick = _Picker(rng, _STATUS_WEIGHTS)
        self.application_pick = _Picker(rng, {
            ApplicationStatus.PROPOSTA: 14, ApplicationStatus.INVIATA: 25,
            ApplicationStatus.COLLOQUIO: 18, ApplicationStatus.NON_SELEZIONATO: 26,
            ApplicationStatus.RITIRATA: 7, ApplicationStatus.ASSUNTO: 10,
        }, cover=True)
        self.outcome_pick = _Picker(rng, {AppointmentOutcome.PRESENTE: 76,
                                          AppointmentOutcome.ASSENTE: 14,
                                          AppointmentOutcome.GIUSTIFICATO: 10}, cover=True)
        self.call_center_job = _Picker(rng, [((q, c), w) for q, c, w in _JOBS_CALL_CENTER])
        self.industry_job = _Picker(rng, [((q, c), w) for q, c, w in _JOBS_INDUSTRY])
        self.did_status = _Picker(rng, [(DidStatus.ATTIVA, 86), (DidStatus.SOSPESA, 6),
                                        (DidStatus.DECADUTA, 8)])
        self.licence = _Picker(rng, [("B", 80), ("B, C", 5), ("AM, B", 3), (None, 12)])
        self.legal_form = _Picker(rng, [
            (LegalForm.DITTA_INDIVIDUALE, 45), (LegalForm.LAVORO_AUTONOMO, 20), (LegalForm.SRLS, 15),
            (LegalForm.SNC, 8), (LegalForm.SAS, 4), (LegalForm.SRL, 5), (LegalForm.COOPERATIVA, 3)])
        self.fund_pickers: dict[tuple[str, bool], _Picker] = {}
        for region in ("Piemonte", "Toscana"):
            funds = [f for f in self.funds if f["region"] in (None, region)]
            self.fund_pickers[(region, True)] = _Picker(rng, [
                (f, 3 if f["kind"] in (FundKind.FONDO_NUOVE_COMPETENZE,
                                       FundKind.FONDO_INTERPROFESSIONALE) else 1) for f in funds])
            self.fund_pickers[(region, False)] = _Picker(rng, [
                (f, 3 if f["kind"] == FundKind.GOL else 1) for f in funds])
        self.skill_sets = [", ".join(rng.sample(_SKILLS, rng.randint(1, 4))) for _ in range(400)]
        self.voucher_used: Counter[str] = Counter()
        self.stage_used: Counter[str] = Counter()
        self.cf_taken: set[str] = set()
        self.pathway_index = 0
        self.without_consent = 0
        self.worker_seq = 0

    def worker_plan(self) -> Iterator[dict[str, Any] | None]:
        """The vertenza of each worker, in a shuffled order (None: no vertenza)."""
        plan: list[dict[str, Any] | None] = []
        for spec, share in self.vertenza_quota:
            plan.extend([spec] * share)
        self.rng.shuffle(plan)
        return iter(plan)

    def person(self, spec: dict[str, Any] | None) -> dict[str, Any]:
        rc = self.rc
        rng = self.rng
        region_birth = spec["birth"] if spec else ("piemonte" if rng.random() < 0.75 else "toscana")
        res_pool = spec["res"] if spec else (_RES_ASTI if region_birth == "piemonte" else _RES_TOSCANA)
        sex = "F" if rng.random() < (0.62 if spec and spec["code"].startswith("KON") else 0.48) else "M"
        age_days = int(rng.triangular(22, 64, 44) * 365.25)
        birth = self.today - dt.timedelta(days=age_days)
        foreign = rng.random() < 0.11
        citizenship, mother_tongue = "Italiana", "italiano"
        if foreign:
            country, citizenship, mother_tongue, surnames, males, females, _w = self.foreign_pick()
            surname = rc(surnames)
            name = rc(males if sex == "M" else females)
            if rng.random() < 0.25:  # born in Italy
                place = self.birth_pools[region_birth]()
                if rng.random() < 0.5:
                    citizenship = "Italiana"
            else:
                place = country
        else:
            surname = self.surname_pick()
            name = rc(_MALE if sex == "M" else _FEMALE)
            if rng.random() < 0.04:
                name = f"{name} {rc(_MALE if sex == 'M' else _FEMALE)}"
            place = self.birth_pools[region_birth]()
        found = cf.birthplace(place, birth)
        if found is None:  # a comune that did not exist then: born in the main town instead
            place = "A479" if region_birth == "piemonte" else "D612"
            found = cf.birthplace(place, birth)
        assert found is not None
        code = cf.encode(surname, name, sex, birth, place)
        level = 0
        while code in self.cf_taken:  # omocodia, as the Agenzia delle Entrate does it
            level += 1
            code = cf.omocode(code, level)
        self.cf_taken.add(code)
        return {"surname": surname, "name": name, "sex": sex, "birth": birth, "place": place,
                "place_name": found[0], "place_prov": found[1], "cf": code, "foreign": foreign,
                "citizenship": citizenship, "tongue": mother_tongue, "res_pool": res_pool}

    def generate_worker(self, spec: dict[str, Any] | None, office: Office) -> None:
        rd = self.rd
        ri = self.ri
        rc = self.rc
        rng = self.rng
        today = self.today
        p = self.person(spec)
        hires = len(self.pending["hire"])
        wid = self.new_id("worker")
        comune, prov, cap, prefix = self.res_pools[id(p["res_pool"])]()
        address = f"{rc(_STREETS)} {ri(1, 220)}"
        domicile = None
        if rng.random() < 0.07:
            d_comune, d_prov, d_cap, _pfx = self.res_pools[id(p["res_pool"])]()
            domicile = (f"{rc(_STREETS)} {ri(1, 120)}", d_comune, d_cap, d_prov)
        mobile = (f"{rc(_MOBILE_PREFIXES)} {ri(1000000, 9999999)}"
                  if rng.random() < 0.95 else None)
        phone = f"{prefix} {ri(200000, 999999)}" if rng.random() < 0.25 else None
        email = None
        if rng.random() < 0.85:
            local = f"{_ascii(p['name'].split()[0])}.{_ascii(p['surname'])}"
            if rng.random() < 0.6:
                local += str(rc([p["birth"].year % 100, ri(1, 99)]))
            email = f"{local}@{rc(_MAIL_DOMAINS)}"
        level, title = self.edu_pick()
        operator_id = rc(self.operators)
        vertenza = spec["row"] if spec else None
        earliest = vertenza["opened_on"] if vertenza else today - dt.timedelta(days=500)
        intake = earliest + rd(0, max(0, (today - earliest).days - 1))
        self.worker_seq += 1
        consent = self.worker_seq != 4 and rng.random() >= 0.035  # a few % never signed
        if not consent:
            self.without_consent += 1
        intake_at = _at(intake, rng, 9, 13)

        # -------- employment situation
        jobs = _JOBS_CALL_CENTER if spec and spec["code"].startswith("KON") else _JOBS_INDUSTRY
        qualifica, qcode = (self.call_center_job if jobs is _JOBS_CALL_CENTER else self.industry_job)()
        hired = p["birth"] + dt.timedelta(days=int(365.25 * rng.uniform(19, 30)))
        ceiling = (vertenza["opened_on"] if vertenza else intake) - dt.timedelta(days=200)
        if hired > ceiling:
            hired = ceiling - rd(0, 600)
        part_time = rng.random() < (0.35 if spec and spec["code"].startswith("KON") else 0.15)
        cigs = spec is not None and rng.random() < spec["cigs"]
        es: dict[str, Any] = {
            "id": self.new_id("employment_situation"), "worker_id": wid,
            "vertenza_id": vertenza["id"] if vertenza else None, "is_current": True,
            "former_employer": vertenza["company_name"] if vertenza else rc(_OTHER_EMPLOYERS),
            "former_employer_cf": vertenza["company_cf"] if vertenza else None,
            "qualifica": qualifica, "qualifica_code": qcode, "orario": "P" if part_time else "F",
            "weekly_hours": float(rc([20, 24, 25, 30])) if part_time else 40.0,
            "hired_on": hired, "exit_on": None, "cigs_start": None, "cigs_end": None,
            "naspi_start": None, "naspi_end": None, "did_on": None, "did_channel": None,
            "did_status": None, "profiling_index": None, "profiling_on": None,
            "profiling_notes": None, **self.versioned(intake_at),
        }
        ending_soon = rng.random() < 0.12  # benefit ending within 30 days of today
        if cigs:
            start = (vertenza["opened_on"] if vertenza else intake) + rd(0, 30)
            end = start + dt.timedelta(days=365)
            if ending_soon:
                end = today + rd(1, 30)
            elif end <= today:
                end = today + rd(31, 240)  # CIGS extended
            if spec.get("cigs_from"):  # the dates the CIGS was granted for (Paycare)
                start, end = spec["cigs_from"], spec["cigs_to"]
            es.update(cigs_start=min(start, end), cigs_end=end)
        else:
            exit_on = (vertenza["opened_on"] + rd(15, 60)
                       if vertenza else intake - rd(5, 120))
            exit_on = _clamp_past(exit_on, today)
            es["exit_on"] = exit_on
            if rng.random() < 0.92:
                n_start = exit_on + dt.timedelta(days=8)
                months = rc([6, 9, 12, 16, 18, 24])
                n_end = n_start + dt.timedelta(days=int(months * 30.4))
                if ending_soon:
                    n_end = max(n_start, today + rd(1, 30))
                es.update(naspi_start=n_start, naspi_end=n_end)
            did = _clamp_past(exit_on + rd(1, 25), today)
            es.update(did_on=did, did_channel=rc(_DID_CHANNELS),
                      did_status=self.did_status())
        if rng.random() < 0.9:
            index = round((rng.random() + rng.random() + rng.random() * 0.8) / 2.8, 4)
            es.update(profiling_index=index,
                      profiling_on=_clamp_past(intake + rd(0, 20), today),
                      profiling_notes=("Bassa distanza dal mercato del lavoro" if index < 0.3 else
                                       "Distanza media dal mercato del lavoro" if index < 0.6 else
                                       "Alta distanza: serve un percorso intensivo"))
        self.add("employment_situation", es)
        if rng.random() < 0.15:  # an earlier job, no longer current
            old_end = hired - rd(10, 400)
            old_start = old_end - rd(180, 2500)
            q2, c2 = self.industry_job()
            self.add("employment_situation", {
                **{k: None for k in es}, "id": self.new_id("employment_situation"),
                "worker_id": wid, "is_current": False,
                "former_employer": rc(_OTHER_EMPLOYERS), "qualifica": q2,
                "qualifica_code": c2, "orario": "F", "weekly_hours": 40.0,
                "hired_on": old_start, "exit_on": old_end, **self.versioned(intake_at),
            })

        # -------- languages (Italian mother tongue goes without saying, as on most CVs)
        langs = []
        if p["tongue"] != "italiano":
            langs += [(p["tongue"], "nativo"), ("italiano", rc(["A2", "B1", "B2", "C1"]))]
        for lang, weight in _LANGS:
            if rng.random() * 100 < weight and lang != p["tongue"]:
                langs.append((lang, rc(_LEVELS)))
        for lang, lvl in langs:
            self.add("worker_language", {"id": self.new_id("worker_language"), "worker_id": wid,
                                         "language": lang, "level": lvl})

        # -------- pathway (kind and status first: the rest follows from them)
        if self.pathway_index < len(self.coverage):
            kind, status = self.coverage[self.pathway_index]
            covering = True
        else:
            kind, status = self.kind_pick(), self.status_pick()
            covering = False
        if spec is None and kind == PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA and not covering:
            kind = PathwayKind.GOL1_REINSERIMENTO  # collective relocation needs a vertenza
        has_pathway = covering or rng.random() < 0.92
        if has_pathway:
            self.pathway_index += 1

        # -------- pact and revisions
        pact_id = None
        pact_sign = _clamp_past(intake + rd(0, 25), today)
        if has_pathway or rng.random() < 0.3:
            revisions = 2 if rng.random() < 0.25 and pact_sign < today - dt.timedelta(days=60) else 1
            draft = (not has_pathway or status == PathwayStatus.PROPOSTO) and rng.random() < 0.5
            previous = None
            for rev in range(1, revisions + 1):
                pid = self.new_id("service_pact")
                signed = pact_sign if rev == 1 else _clamp_past(
                    pact_sign + rd(45, max(46, (today - pact_sign).days)), today)
                last = rev == revisions
                pact_status = (PactStatus.SOSTITUITO if not last else
                               PactStatus.BOZZA if draft else PactStatus.FIRMATO)
                review = signed + _DAYS[rc([90, 120, 180])]
                if last and review < today and rng.random() < 0.9:
                    review = today + rd(1, 150)  # reviews are kept up to date, mostly
                self.add("service_pact", {
                    "id": pid, "worker_id": wid, "revision": rev, "operator_id": operator_id,
                    "status": pact_status, "signed_on": None if pact_status == PactStatus.BOZZA else signed,
                    "gol_path": kind if has_pathway else None,
                    "commitments": _PACT_COMMITMENTS[kind] if has_pathway else
                    "Colloqui periodici di verifica; ricerca attiva del lavoro.",
                    "review_on": review,
                    "notes": "Revisione dopo la verifica del percorso." if rev > 1 else None,
                    "supersedes_id": previous, **self.versioned(dt.datetime.combine(signed, dt.time(11, 0))),
                })
                previous = pid
                pact_id = pid

        # -------- pathway row
        pathway_id = None
        outcome = None
        start_on = pact_sign
        end_on = None
        if has_pathway:
            if status in (PathwayStatus.CONCLUSO, PathwayStatus.INTERROTTO):
                end_on = _clamp_past(start_on + rd(30, 300), today)
                outcome = _pathway_outcome(rng, kind, status, covering)
            pathway_id = self.new_id("pathway")
            self.add("pathway", {
                "id": pathway_id, "worker_id": wid, "pact_id": pact_id, "operator_id": operator_id,
                "kind": kind, "status": status,
                "start_on": None if status == PathwayStatus.PROPOSTO else start_on,
                "end_on": end_on, "outcome": outcome,
                "notes": f"Percorso concordato nel patto di servizio ({kind}).",
                **self.versioned(dt.datetime.combine(start_on, dt.time(11, 30))),
            })
            if rng.random() < 0.12 and start_on > intake + dt.timedelta(days=40):
                # an earlier short pathway, concluded without results
                earlier_kind = PathwayKind.GOL1_REINSERIMENTO if kind != PathwayKind.GOL1_REINSERIMENTO \
                    else PathwayKind.GOL2_AGGIORNAMENTO
                self.add("pathway", {
                    "id": self.new_id("pathway"), "worker_id": wid, "pact_id": None,
                    "operator_id": operator_id, "kind": earlier_kind,
                    "status": PathwayStatus.CONCLUSO, "start_on": intake,
                    "end_on": start_on - dt.timedelta(days=1), "outcome": PathwayOutcome.NESSUN_ESITO,
                    "notes": "Primo percorso breve, concluso senza esito.", **self.versioned(intake_at),
                })

        # -------- diary
        for _ in range(rc([0, 1, 1, 2, 2, 2, 3, 3, 4])):
            dkind, subject, body = rc(_DIARY)
            day = intake + rd(0, max(0, (today - intake).days))
            at = min(_at(day, rng), self.now)
            self.add("diary_entry", {
                "id": self.new_id("diary_entry"), "worker_id": wid, "operator_id": operator_id,
                "at": at, "kind": dkind, "subject": subject, "body": body,
                "version": 1, "created_at": at, "updated_at": at,
            })

        # -------- what the pathway leads to
        hired_on = None
        business_open = False
        region = "Toscana" if p["res_pool"] is _RES_TOSCANA else "Piemonte"
        if has_pathway and kind in (PathwayKind.GOL2_AGGIORNAMENTO, PathwayKind.GOL3_RIQUALIFICAZIONE):
            self.voucher(wid, pathway_id, status, covering, region, cigs, operator_id)
        if has_pathway and kind == PathwayKind.AUTOIMPIEGO:
            business_open = self.business(wid, pathway_id, status, outcome, covering, operator_id,
                                          comune, start_on)
        wants_job = not has_pathway or kind != PathwayKind.AUTOIMPIEGO
        if wants_job and (rng.random() < 0.38 or outcome == PathwayOutcome.RICOLLOCATO):
            hired_on = self.applications(wid, pathway_id, region, intake, operator_id,
                                         force_hire=outcome == PathwayOutcome.RICOLLOCATO)

        # -------- file status
        file_status, closed_on, reason = FileStatus.APERTO, None, None
        if hired_on and rng.random() < 0.6:
            file_status, closed_on, reason = FileStatus.CHIUSO, hired_on, "ricollocato"
        elif business_open and rng.random() < 0.5:
            file_status, closed_on, reason = FileStatus.CHIUSO, end_on or today, "autoimpiego"
        elif rng.random() < 0.05:
            age = (today - p["birth"]).days / 365.25
            reason = "pensione" if age > 60 else rc(
                ["trasferito", "rinuncia", "decadenza", "altro"])
            file_status, closed_on = FileStatus.CHIUSO, today - rd(1, 90)
        elif rng.random() < 0.04:
            file_status = FileStatus.SOSPESO
        if closed_on is not None and closed_on < intake:
            closed_on = intake

        # -------- appointments: past ones with an outcome, future ones without
        lo = bisect.bisect_left(self.slots, intake_at)
        for _ in range(rc([0, 1, 1, 1, 2, 2, 3])):
            at = self.take_slot(operator_id, lo, self.first_today)
            if at is None:
                break
            cancelled = rng.random() < 0.05
            self.add("appointment", self.appointment(wid, operator_id, office, at,
                                                     None if cancelled else self.outcome_pick(),
                                                     cancelled))
        if file_status != FileStatus.CHIUSO and rng.random() < 0.25:
            at = self.take_slot(operator_id, self.first_future, len(self.slots))
            if at is not None:
                self.add("appointment", self.appointment(wid, operator_id, office, at, None,
                                                         rng.random() < 0.03))


        cohort_exit, cohort_exit_on = self.cohort_exit(spec, reason, closed_on, intake,
                                                       hired=len(self.pending["hire"]) > hires)
        worker = {
            "cohort_exit": cohort_exit, "cohort_exit_on": cohort_exit_on,
            "cohort_exit_note": None,
            "id": wid, "codice_fiscale": p["cf"], "surname": p["surname"], "name": p["name"],
            "sex": p["sex"], "birth_date": p["birth"], "birth_place": p["place_name"],
            "birth_place_code": p["place"], "birth_province": p["place_prov"],
            "citizenship": p["citizenship"], "residence_address": address,
            "residence_comune": comune, "residence_cap": cap, "residence_province": prov,
            "domicile_address": domicile[0] if domicile else None,
            "domicile_comune": domicile[1] if domicile else None,
            "domicile_cap": domicile[2] if domicile else None,
            "domicile_province": domicile[3] if domicile else None,
            "phone": phone, "mobile": mobile, "email": email,
            "education_level": level, "education_title": title,
            "driving_licence": self.licence(),
            "has_car": rng.random() < 0.78, "skills": rc(self.skill_sets),
            "privacy_consent": consent, "privacy_consent_on": intake if consent else None,
            "privacy_notice_version": PRIVACY_NOTICE if consent else None,
            "office_id": office.id, "assigned_operator_id": operator_id, "status": file_status,
            "closed_on": closed_on, "closing_reason": reason,
            "notes": "Segnalato dal tavolo regionale." if vertenza and rng.random() < 0.1 else None,
            "search_text": None, "anonymised_at": None, **self.versioned(intake_at),
        }
        worker["search_text"] = worker_search_text(worker)
        worker.update(worker_sort_keys(worker))
        self.add("worker", worker)
        if file_status != FileStatus.APERTO:  # the dated history monitoring reads (0012)
            # (no draw from rng: the rest of the demo stays what it was)
            since = closed_on or intake + (today - intake) / 2
            self.add("worker_status_change", {
                "id": self.new_id("worker_status_change"), "worker_id": wid,
                "status": file_status, "changed_on": since,
                "changed_at": dt.datetime.combine(since, dt.time(10)), "operator_id": operator_id,
                "reason": reason})

    # Besides retirement and transfer (the file's closing reason), how some workers of
    # each vertenza left its "to place" count: (exit, share of the cohort).
    _EXITS = {
        "KON-AT": (("mobilita_incentivata", 0.06), ("assunto_altrove", 0.03)),
        "KON-IV": (("trasferimento", 0.08), ("assunto_altrove", 0.02)),
        "KON-PC": (("rientro_capogruppo", 0.05), ("assunto_altrove", 0.03)),
    }
    _EXIT_DEFAULT = (("assunto_altrove", 0.03),)

    def cohort_exit(self, spec: dict[str, Any] | None, reason: str | None,
                    closed_on: dt.date | None, intake: dt.date,
                    hired: bool) -> tuple[str | None, dt.date | None]:
        """How a vertenza's worker left the cohort's "to place" count (None: still in it),
        drawn with a generator of its own: the rest of the data stays as it was."""
        if spec is None:
            return None, None
        if reason == "pensione":
            return "pensione", closed_on
        if reason == "trasferito":
            return "trasferimento", closed_on
        if hired or reason is not None:
            return None, None  # placed through the office, or closed for another reason
        draw = self.exit_rng.random()
        for exit_code, share in (*self._EXITS.get(spec["code"], self._EXIT_DEFAULT),
                                 ("irreperibile", 0.02)):
            if draw < share:
                span = max(0, (self.today - intake).days)
                return exit_code, intake + dt.timedelta(days=self.exit_rng.randint(0, span))
            draw -= share
        return None, None

    def appointment(self, wid: int, operator_id: int, office: Office, at: dt.datetime,
                    outcome: str | None, cancelled: bool) -> dict[str, Any]:
        return {
            "id": self.new_id("appointment"), "worker_id": wid, "operator_id": operator_id,
            "office_id": office.id, "starts_at": at, "ends_at": at + dt.timedelta(minutes=30),
            "purpose": self.rc(_APPOINTMENT_PURPOSES),
            "location": f"{office.name}, sportello {self.ri(1, 6)}",
            "status": AppointmentStatus.ANNULLATO if cancelled else AppointmentStatus.PRENOTATO,
            "outcome": None if cancelled else outcome,
            "outcome_note": "Avvisato per telefono il giorno prima." if outcome == AppointmentOutcome.GIUSTIFICATO else None,
            **self.versioned(at - dt.timedelta(days=self.ri(3, 20))),
        }

    # ---------------------------------------------------------------- training

    def voucher(self, wid: int, pathway_id: int | None, pathway_status: str, covering: bool,
                region: str, cigs: bool, operator_id: int) -> None:
        rd = self.rd
        ri = self.ri
        rc = self.rc
        rng = self.rng
        options = _VOUCHER_FOR_PATHWAY[PathwayStatus(pathway_status)]
        if not covering and rng.random() < 0.12:
            return  # pathway without a voucher (yet)
        status = (_least_used(options, self.voucher_used) if covering
                  else _weighted(rng, options))
        course = None
        for course_status in _VOUCHER_COURSE[status]:
            for reg in (region, "Toscana" if region == "Piemonte" else "Piemonte"):
                free = self.courses.get((reg, course_status))
                if free:
                    index = int(rng.random() * len(free))
                    course = free[index]
                    break
            if course:
                break
        if course is None:
            return
        self.voucher_used[status] += 1
        if status in _SEAT_HOLDING:
            course["taken"] += 1
            if course["taken"] >= course["seats"]:  # full: no longer offered
                free[index] = free[-1]
                free.pop()
        fund = self.fund_pickers[(region, cigs)]()
        amount = course["cost_cents"]
        start: dt.date = course["starts_on"]
        end: dt.date = course["ends_on"]
        requested = _clamp_past(start - rd(10, 45), self.today)
        if status == VoucherStatus.RICHIESTO:
            requested = self.today - rd(0, 20)
        approved = None
        manager = rc(self.managers)
        if status != VoucherStatus.RICHIESTO:
            # approved before the first lesson, never in the future
            approved = max(requested, min(requested + rd(2, 12), start - _DAYS[1], self.today))
        vid = self.new_id("voucher")
        history: list[tuple[str, dt.datetime, int, str | None]] = [
            (VoucherStatus.RICHIESTO, _at(requested, rng), operator_id, "Richiesta dal fascicolo.")]
        if approved:
            history.append((VoucherStatus.APPROVATO, _at(approved, rng), manager,
                            "Approvato sul budget del fondo."))
        # attendance
        attended = 0.0
        rows: list[dict[str, Any]] = []
        past = [(sid, at) for sid, at in course["sessions"] if at < self.now]
        stop_at = len(past)
        if status == VoucherStatus.RITIRATO:
            stop_at = ri(1, max(1, len(past) // 2)) if past else 0
        if status in (VoucherStatus.IN_CORSO, VoucherStatus.CONCLUSO, VoucherStatus.RENDICONTATO,
                      VoucherStatus.RITIRATO):
            history.append((VoucherStatus.IN_CORSO, course["sessions"][0][1], operator_id,
                            "Inizio del corso."))
            rate = rng.uniform(0.82, 1.0) if rng.random() < 0.88 else rng.uniform(0.4, 0.8)
            recorder = rc(self.managers + [operator_id])
            session_hours = course["session_hours"]
            for sid, at in past[:stop_at]:
                present = rng.random() < rate
                hours = session_hours if present else 0.0
                if present and rng.random() < 0.05:
                    hours = session_hours / 2  # left early
                attended += hours
                rows.append({"id": self.new_id("attendance"), "session_id": sid, "voucher_id": vid,
                             "present": present, "hours_attended": hours,
                             "recorded_by_id": recorder,
                             "recorded_at": at + dt.timedelta(days=1, hours=2)})
        spent = None
        certificate = None
        if status in (VoucherStatus.CONCLUSO, VoucherStatus.RENDICONTATO):
            history.append((VoucherStatus.CONCLUSO, dt.datetime.combine(end, dt.time(18, 0)),
                            operator_id, "Corso terminato."))
            if attended >= course["hours"] * course["min_attendance_pct"] / 100:
                certificate = _clamp_past(end + rd(5, 30), self.today)
        if status == VoucherStatus.RENDICONTATO:
            spent = amount if attended >= course["hours"] * 0.7 else int(amount * attended / course["hours"])
            done = _clamp_past(end + rd(20, 60), self.today)
            history.append((VoucherStatus.RENDICONTATO, _at(done, rng), manager,
                            "Rendicontazione approvata."))
            fund["spent"] += spent
        elif status in _COMMITTED:
            fund["committed"] += amount
        if status == VoucherStatus.RITIRATO:
            when = past[stop_at - 1][1] + dt.timedelta(days=1) if stop_at else self.now
            history.append((VoucherStatus.RITIRATO, min(when, self.now), operator_id,
                            "Ritirato su richiesta: ha trovato lavoro."))
        if status == VoucherStatus.REVOCATO:
            reason = ("Corso annullato dall'ente." if course["status"] == CourseStatus.ANNULLATO
                      else "Revocato: documentazione incompleta.")
            when = _clamp_past((approved or requested) + rd(1, 20), self.today)
            history.append((VoucherStatus.REVOCATO, _at(when, rng), manager, reason))
        self.add("voucher", {
            "id": vid, "worker_id": wid, "course_id": course["id"], "fund_id": fund["id"],
            "pathway_id": pathway_id, "code": f"VF-{requested.year}-{vid:06d}",
            "amount_cents": amount, "spent_cents": spent, "status": status,
            "requested_on": requested, "approved_on": approved,
            "approved_by_id": manager if approved else None,
            "expires_on": (approved + dt.timedelta(days=365)) if approved else None,
            "hours_attended": attended, "certificate_issued_on": certificate,
            **self.versioned(_at(requested, rng)),
        })
        times = _ascending([at for _st, at, _op, _note in history], self.now)
        for (st, _at_, op, note), at in zip(history, times):
            self.add("voucher_status_change", {
                "id": self.new_id("voucher_status_change"), "voucher_id": vid, "status": st,
                "changed_at": at, "operator_id": op, "note": note})
        for row in rows:
            self.add("attendance", row)

    # ---------------------------------------------------------------- self-employment

    def business(self, wid: int, pathway_id: int | None, pathway_status: str,
                 outcome: str | None, covering: bool, operator_id: int, comune: str,
                 start_on: dt.date) -> bool:
        rd = self.rd
        ri = self.ri
        rc = self.rc
        rng = self.rng
        options = _STAGE_FOR_PATHWAY[PathwayStatus(pathway_status)]
        if pathway_status == PathwayStatus.CONCLUSO and outcome != PathwayOutcome.AUTOIMPIEGO:
            options = [(BusinessStage.BUSINESS_PLAN_VALIDATO, 1)]  # never opened
        stage = _least_used(options, self.stage_used) if covering else _weighted(rng, options)
        self.stage_used[stage] += 1
        title, ateco_code, ateco_label = rc(self.ideas)
        opened = stage in (BusinessStage.AVVIO_IMPRESA, BusinessStage.TUTORAGGIO_EX_POST)
        form = self.legal_form()
        opened_on = None
        if opened:
            opened_on = _clamp_past(start_on + rd(60, 200), self.today)
        pid = self.new_id("business_project")
        self.add("business_project", {
            "id": pid, "worker_id": wid, "pathway_id": pathway_id, "operator_id": operator_id,
            "title": title, "description": f"{title}. Attività: {ateco_label}.", "stage": stage,
            "legal_form": form if stage != BusinessStage.PRE_ACCOGLIENZA else None,
            "ateco_code": ateco_code, "ateco_edition": "2025",
            "company_name": f"{title.split()[0]} {rc(_EMPLOYER_WORDS)}" if opened else None,
            "vat_number": _partita_iva(rng, self.piva_taken) if opened else None,
            "vat_opened_on": opened_on, "comune": comune, "opened_on": opened_on,
            **self.versioned(dt.datetime.combine(start_on, dt.time(10, 0))),
        })
        day = start_on
        stages = _STAGE_ORDER[: _STAGE_ORDER.index(BusinessStage(stage)) + 1]
        times = []
        for _st in stages:
            day = _clamp_past(day + rd(5, 40), self.today)
            times.append(_at(day, rng))
        for st, at in zip(stages, _ascending(times, self.now)):  # in stage order, none ahead
            self.add("business_stage_event", {
                "id": self.new_id("business_stage_event"), "project_id": pid, "stage": st,
                "at": at, "operator_id": operator_id,
                "notes": {
                    BusinessStage.PRE_ACCOGLIENZA: "Incontro informativo e verifica dei requisiti.",
                    BusinessStage.ACCOMPAGNAMENTO_EX_ANTE: "Lavoro sul business plan con il tutor.",
                    BusinessStage.BUSINESS_PLAN_VALIDATO: "Business plan validato dalla commissione.",
                    BusinessStage.AVVIO_IMPRESA: "Apertura della partita IVA e SCIA al SUAP.",
                    BusinessStage.TUTORAGGIO_EX_POST: "Incontro di tutoraggio dopo l'avvio.",
                }[st],
            })
        if opened or stage == BusinessStage.BUSINESS_PLAN_VALIDATO and rng.random() < 0.3:
            filed = opened_on or _clamp_past(day + dt.timedelta(days=10), self.today)
            suap_outcome = (SuapOutcome.EFFICACE if opened else
                            _weighted(rng, [(SuapOutcome.IN_ATTESA, 3), (SuapOutcome.INTEGRAZIONE, 2),
                                            (SuapOutcome.RESPINTA, 1)]))
            self.add("suap_filing", {
                "id": self.new_id("suap_filing"), "project_id": pid, "kind": "SCIA",
                "filed_on": filed, "comune": comune,
                "practice_number": f"SUAP/{filed.year}/{ri(1000, 99999)}",
                "outcome": suap_outcome,
                "outcome_on": None if suap_outcome == SuapOutcome.IN_ATTESA else
                _clamp_past(filed + rd(1, 30), self.today),
                **self.versioned(),
            })
        if stage != BusinessStage.PRE_ACCOGLIENZA and rng.random() < 0.75:
            fstatus = _weighted(rng, [(FundingStatus.BOZZA, 1), (FundingStatus.PRESENTATA, 2),
                                      (FundingStatus.AMMESSA, 2), (FundingStatus.RESPINTA, 1),
                                      (FundingStatus.EROGATA, 2 if opened else 0)])
            requested = ri(5, 40) * 100_000
            asked_on = None if fstatus == FundingStatus.BOZZA else _clamp_past(
                start_on + rd(30, 120), self.today)
            decided = fstatus in (FundingStatus.AMMESSA, FundingStatus.RESPINTA, FundingStatus.EROGATA)
            self.add("funding_request", {
                "id": self.new_id("funding_request"), "project_id": pid,
                "programme_id": rc(self.programme_ids), "requested_cents": requested,
                "granted_cents": (int(requested * rc([0.6, 0.8, 1.0]))
                                  if fstatus in (FundingStatus.AMMESSA, FundingStatus.EROGATA) else None),
                "status": fstatus, "requested_on": asked_on,
                "decided_on": _clamp_past(asked_on + rd(20, 90), self.today)
                if decided and asked_on else None,
                "notes": None, **self.versioned(),
            })
        return opened

    # ---------------------------------------------------------------- job reinsertion

    def applications(self, wid: int, pathway_id: int | None, region: str, intake: dt.date,
                     operator_id: int, force_hire: bool) -> dt.date | None:
        rd = self.rd
        rc = self.rc
        rng = self.rng
        offers = [o for o in _sample_list(rng, self.offers_by_region[region], 12)
                  if o["published_on"] <= self.today]
        seen: set[int] = set()
        hired_on = None
        count = rc([1, 1, 2, 2, 3, 4])
        for n in range(count):
            if not offers:
                break
            offer = offers.pop()
            if offer["id"] in seen:
                continue
            seen.add(offer["id"])
            status = ApplicationStatus.ASSUNTO if force_hire and n == 0 else self.application_pick()
            if status == ApplicationStatus.ASSUNTO and hired_on is not None:
                status = ApplicationStatus.RITIRATA  # hired elsewhere meanwhile
            if (status == ApplicationStatus.ASSUNTO
                    and self.hires_by_offer.get(offer["id"], 0) >= offer["openings"]):
                status = ApplicationStatus.NON_SELEZIONATO  # every post already filled
            start = max(offer["published_on"], intake)
            applied = _clamp_past(start + rd(0, 20), self.today)
            aid = self.new_id("application")
            self.add("application", {
                "id": aid, "worker_id": wid, "job_offer_id": offer["id"], "status": status,
                "applied_on": applied,
                "notes": "Candidatura proposta dall'operatore." if status == ApplicationStatus.PROPOSTA else None,
                **self.versioned(_at(applied, rng)),
            })
            steps = _APPLICATION_STEPS[status]
            day = applied
            times = []
            for _st in steps:
                times.append(_at(day, rng))
                day = _clamp_past(day + rd(2, 15), self.today)
            for st, at in zip(steps, _ascending(times, self.now)):
                self.add("application_status_change", {
                    "id": self.new_id("application_status_change"), "application_id": aid,
                    "status": st, "changed_at": at, "operator_id": operator_id, "note": None,
                })
            if status == ApplicationStatus.ASSUNTO:
                hired_on = day
                ctype = offer["contract_type"]
                end_on = None
                if ctype in (ContractType.DETERMINATO, ContractType.SOMMINISTRAZIONE,
                             ContractType.TIROCINIO, ContractType.COLLABORAZIONE):
                    end_on = hired_on + dt.timedelta(days=rc([90, 180, 183, 365]))
                self.hires_by_offer[offer["id"]] = self.hires_by_offer.get(offer["id"], 0) + 1
                self.add("hire", {
                    "id": self.new_id("hire"), "worker_id": wid, "employer_id": offer["employer_id"],
                    "job_offer_id": offer["id"], "application_id": aid, "pathway_id": pathway_id,
                    "hired_on": hired_on, "end_on": end_on, "contract_type": ctype,
                    "weekly_hours": offer["weekly_hours"], "qualifica": offer["role"],
                    **self.versioned(_at(hired_on, rng)),
                })
        return hired_on

    # ---------------------------------------------------------------- closing

    def settle_offers(self) -> None:
        """An open offer whose posts are all filled is "coperta", as ``placements.hire`` does."""
        offer = self.t["job_offer"]
        filled = [oid for oid, n in self.hires_by_offer.items()
                  if n >= self.offer_openings.get(oid, 1)]
        for chunk in range(0, len(filled), 500):
            self.conn.execute(offer.update().where(
                offer.c.id.in_(filled[chunk:chunk + 500]),
                offer.c.status == JobOfferStatus.APERTA).values(status=JobOfferStatus.COPERTA))

    def settle_funds_and_seats(self) -> None:
        fund = self.t["fund"]
        rows = []
        for f in self.funds:
            used = f["committed"] + f["spent"]
            budget = max(used * (1 + f["slack"]), 5_000_000)  # at least 50,000 euro
            budget = math.ceil(budget / 100_000) * 100_000  # whole thousands of euro
            assert used <= budget
            rows.append({"fid": f["id"], "b": budget, "c": f["committed"], "s": f["spent"]})
        self.conn.execute(
            fund.update().where(fund.c.id == bindparam("fid"))
            .values(budget_cents=bindparam("b"), committed_cents=bindparam("c"),
                    spent_cents=bindparam("s")),
            rows,
        )
        course = self.t["course"]
        seat_rows = [{"cid": c["id"], "n": c["taken"]} for c in self.course_rows if c["taken"]]
        if seat_rows:
            self.conn.execute(
                course.update().where(course.c.id == bindparam("cid"))
                .values(seats_taken=bindparam("n")),
                seat_rows,
            )

    # ---------------------------------------------------------------- run

    def run(self, actor_id: int | None) -> DemoSummary:
        office, admin, office_created, admin_created = self.office_and_admin(actor_id)
        self.staff(office)
        self.vertenze()
        self.employers_and_offers()
        self.programmes()
        self.training()
        self.slot_pools(office)
        self.flush()
        self.prepare_people()
        self.sqlite_bulk_begin()
        try:
            if self.progress is not None and self.progress(0, self.n) is False:
                raise SportelloError("Generazione annullata")
            done = 0
            for spec in self.worker_plan():
                self.generate_worker(spec, office)
                done += 1
                if done % CHUNK == 0 or done == self.n:
                    self.flush()
                    if self.progress is not None and self.progress(done, self.n) is False:
                        raise SportelloError("Generazione annullata")
            self.sqlite_bulk_end()
        finally:
            self.restore_cache_size()
        self.settle_funds_and_seats()
        self.settle_offers()
        self.fix_sequences()
        summary = DemoSummary(
            office_code=office.code, office_name=office.name, office_created=office_created,
            admin_created=admin_created, admin_username=admin.username, seed=self.seed,
            workers=self.n, without_consent=self.without_consent,
            operators=len(self.operators), managers=len(self.managers),
            counts=dict(self.counts),
        )
        audit.record(
            self.session, "demo", entity="worker",
            detail=f"Dati dimostrativi: {self.n} lavoratori, seme {self.seed}; "
                   f"{sum(self.counts.values())} righe in {len(self.counts)} tabelle.",
            changes={"rows": dict(self.counts), "seed": self.seed},
        )
        return summary


# --------------------------------------------------------------------------- small pieces


@functools.lru_cache(maxsize=64)
def _sqlite_row_maker(
    columns: tuple[Any, ...], coded: frozenset[str],
) -> Callable[[list[dict[str, Any]]], list[tuple[Any, ...]]]:
    """A function turning row dicts into tuples for sqlite3, compiled once per column set.

    One list comprehension with the conversions written inline runs several times faster
    than converting value by value through helper calls: it matters at a million rows.
    Coded columns (``coded``: the names of their CHECK ... IN constraints) hold StrEnum
    members, which sqlite3 binds three times slower than plain strings: ``str()`` them;
    booleans become 0/1 for the same reason (SQLAlchemy stores them so too).
    """
    parts = []
    names = [c.name for c in columns]
    for c in columns:
        key = repr(c.name)
        if c.name == "updated_at" and "created_at" in names[: names.index("updated_at")]:
            # usually the very same object as created_at: format it once
            parts.append("(_created if r['updated_at'] is r['created_at'] else "
                         "None if r['updated_at'] is None else "
                         "r['updated_at'].isoformat(' ', 'microseconds'))")
        elif c.name == "created_at" and isinstance(c.type, DateTime):
            parts.append("(_created := (None if r['created_at'] is None else "
                         "r['created_at'].isoformat(' ', 'microseconds')))")
        elif c.name in coded:
            parts.append(f"(None if r[{key}] is None else str(r[{key}]))")
        elif isinstance(c.type, Boolean):  # bool, like StrEnum, binds slowly: plain 0/1
            parts.append(f"(None if r[{key}] is None else int(r[{key}]))")
        elif isinstance(c.type, DateTime):
            parts.append(f"(None if r[{key}] is None else r[{key}].isoformat(' ', 'microseconds'))")
        elif isinstance(c.type, Date):
            parts.append(f"(None if r[{key}] is None else r[{key}].isoformat())")
        else:
            parts.append(f"r[{key}]")
    source = f"def make(rows):\n    return [({', '.join(parts)},) for r in rows]\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<demo rows>", "exec"), namespace)  # noqa: S102 - built from metadata
    return namespace["make"]  # type: ignore[no-any-return]


def _open_weekday(day: dt.date) -> dt.date:
    """The day, or the next working day (a tavolo meets when offices are open)."""
    while day.weekday() >= 5 or not _open_day(day):
        day += dt.timedelta(days=1)
    return day


def _ascending(times: list[dt.datetime], now: dt.datetime) -> list[dt.datetime]:
    """The times of a status history, none in the future, each after the one before."""
    out = list(times)
    limit = now
    for i in range(len(out) - 1, -1, -1):
        if out[i] > limit:
            out[i] = limit
        limit = out[i] - dt.timedelta(minutes=1)
    return out


def _weighted(rng: random.Random, options: Sequence[tuple[T, float]]) -> T:
    total = sum(w for _v, w in options)
    x = rng.random() * total
    for value, weight in options:
        x -= weight
        if x < 0:
            return value
    return options[-1][0]


def _sample_list(rng: random.Random, items: list[T], k: int) -> list[T]:
    if len(items) <= k:
        out = list(items)
        rng.shuffle(out)
        return out
    rand, n = rng.random, len(items)
    return [items[int(rand() * n)] for _ in range(k)]


def _session_days(start: dt.date, count: int, per_week: int) -> list[dt.date]:
    pattern = {2: (1, 3), 3: (0, 2, 4), 5: (0, 1, 2, 3, 4)}[per_week]
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if day.weekday() in pattern and _open_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _pathway_outcome(rng: random.Random, kind: str, status: str, covering: bool) -> str:
    if status == PathwayStatus.INTERROTTO:
        if covering:
            return PathwayOutcome.RITIRATO
        return _weighted(rng, [(PathwayOutcome.RITIRATO, 2), (PathwayOutcome.NESSUN_ESITO, 1)])
    options = {
        PathwayKind.GOL1_REINSERIMENTO: [(PathwayOutcome.RICOLLOCATO, 3), (PathwayOutcome.NESSUN_ESITO, 1)],
        PathwayKind.GOL2_AGGIORNAMENTO: [(PathwayOutcome.FORMATO, 3), (PathwayOutcome.RICOLLOCATO, 1)],
        PathwayKind.GOL3_RIQUALIFICAZIONE: [(PathwayOutcome.FORMATO, 3), (PathwayOutcome.RICOLLOCATO, 1)],
        PathwayKind.GOL4_LAVORO_INCLUSIONE: [(PathwayOutcome.RICOLLOCATO, 2), (PathwayOutcome.NESSUN_ESITO, 2)],
        PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA: [(PathwayOutcome.NESSUN_ESITO, 1), (PathwayOutcome.RICOLLOCATO, 3)],
        PathwayKind.AUTOIMPIEGO: [(PathwayOutcome.AUTOIMPIEGO, 4), (PathwayOutcome.NESSUN_ESITO, 1)],
    }[PathwayKind(kind)]
    return options[0][0] if covering else _weighted(rng, options)


_ATECO_CACHE: dict[str, str | None] = {}


def _ateco_title(code: str) -> str | None:
    """Title of an ATECO 2025 code from the ``ateco`` package, None if it is not a code."""
    if code not in _ATECO_CACHE:
        import ateco

        node = ateco.lookup(code, edition="2025")
        _ATECO_CACHE[code] = node.title if node is not None else None
    return _ATECO_CACHE[code]


# --------------------------------------------------------------------------- entry point


def generate(ctx: Context, workers: int, seed: int = 2026,
             progress: ProgressFn | None = None) -> DemoSummary:
    """Fill a database without workers with ``workers`` fictitious ones and all around them.

    One transaction: on refusal, error or cancel (``progress`` returning False) nothing
    is written. Creates office CPI-AT and administrator ``admin`` when there are none.
    """
    if workers < 1:
        raise ValidationError("Il numero di lavoratori deve essere almeno 1.", "workers")
    if workers > 2_000_000:
        raise ValidationError("Al massimo 2.000.000 di lavoratori dimostrativi.", "workers")
    started = time.perf_counter()
    # Millions of short-lived dicts and no reference cycles: the cycle collector would
    # only rescan them (10-20% of the time). It is switched back on at the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ctx.write() as session:
            existing = session.scalar(select(func.count(Worker.id))) or 0
            if existing:
                raise SportelloError(
                    f"Il database contiene già {existing} lavoratori: i dati dimostrativi si "
                    "generano solo in un database senza lavoratori."
                )
            generator = _Generator(session, workers, seed, progress)
            summary = generator.run(ctx.actor.id if ctx.actor else None)
    finally:
        if collecting:
            gc.enable()
    summary.seconds = time.perf_counter() - started
    return summary
