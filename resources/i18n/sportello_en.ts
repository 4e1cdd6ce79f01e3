<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="it_IT">
<context>
    <name>AgendaArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/agenda.py" line="+18"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gli appuntamenti degli operatori: convocazioni nei posti liberi, lettere di convocazione e registrazione delle presenze.</source>
        <translation>Operators&apos; appointments: convocations into free slots, convocation letters and attendance records.</translation>
    </message>
</context>
<context>
    <name>BusinessArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/business.py" line="+18"/>
        <source>Sportello Unico</source>
        <translation>Business Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progetti di autoimpiego: business plan, apertura dell&apos;attività (ATECO, SCIA al SUAP) e richieste di finanziamento.</source>
        <translation>Self-employment projects: business plan, opening the business (ATECO, SCIA at the SUAP) and funding requests.</translation>
    </message>
</context>
<context>
    <name>ComingSoonArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/base.py" line="+58"/>
        <source>In arrivo: questa sezione non è ancora disponibile.</source>
        <translation>Coming soon: this section is not available yet.</translation>
    </message>
</context>
<context>
    <name>ExchangeArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/exchange.py" line="+18"/>
        <source>Import/Export</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importazione degli elenchi Excel della Regione con anteprima degli errori, ed esportazione dei fogli di monitoraggio.</source>
        <translation>Import of the Region&apos;s Excel lists with a preview of errors, and export of the monitoring sheets.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/sportello/gui/first_run.py" line="+113"/>
        <source>Sportello — primo avvio</source>
        <translation>Sportello — first start</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Crea l&apos;ufficio</source>
        <translation>&amp;Create the office</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>L&apos;ufficio</source>
        <translation>The office</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Benvenuti in Sportello. Per iniziare, i dati dell&apos;ufficio: compaiono nell&apos;intestazione delle lettere. I campi con * sono obbligatori.</source>
        <translation>Welcome to Sportello. To begin, the office&apos;s details: they appear in the letterhead. Fields marked * are required.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Codice ufficio *</source>
        <translation>Office code *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>es. CPI-AT</source>
        <translation>e.g. CPI-AT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nome *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>es. Centro per l&apos;Impiego di Asti</source>
        <translation>e.g. Centro per l&apos;Impiego di Asti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centro per l&apos;Impiego</source>
        <translation>Job centre (CPI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sportello Unico</source>
        <translation>Business Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tipo di ufficio</source>
        <translation>Type of office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>es. Via Roma 1</source>
        <translation>e.g. Via Roma 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAP</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>es. AT</source>
        <translation>e.g. AT</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contatti e firma</source>
        <translation>Contacts and signature</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recapiti dell&apos;ufficio e chi firma le lettere. Tutti facoltativi: si possono lasciare vuoti.</source>
        <translation>The office&apos;s contact details and who signs the letters. All optional: they may be left empty.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEC</source>
        <translation>PEC (certified email)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firmatario</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nome e cognome</source>
        <translation>full name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ruolo del firmatario</source>
        <translation>Signatory&apos;s role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>es. Responsabile del Centro per l&apos;Impiego</source>
        <translation>e.g. Head of the job centre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Il primo amministratore</source>
        <translation>The first administrator</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Chi configura il programma e crea gli altri operatori. La password deve avere almeno %n caratteri, con lettere e cifre.</source>
        <translation>
            <numerusform>Sets up the program and creates the other operators. The password needs at least %n character, with letters and digits.</numerusform>
            <numerusform>Sets up the program and creates the other operators. The password needs at least %n characters, with letters and digits.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nome utente *</source>
        <translation>User name *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>es. m.rossi</source>
        <translation>e.g. m.rossi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nome e cognome *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password *</source>
        <translation>Password *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conferma password *</source>
        <translation>Confirm password *</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pronto</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Premere «Crea l&apos;ufficio» per salvare. Database: {location}</source>
        <translation>Press “Create the office” to save. Database: {location}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Carica dati dimostrativi</source>
        <translation>Load demonstration data</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Dati fittizi ma realistici, per provare il programma o per la formazione. Da non usare in un database con dati veri.</source>
        <translation>Fictitious but realistic data, to try the program or for training. Not for a database with real data.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Numero di lavoratori</source>
        <translation>Number of workers</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;Ufficio:&lt;/b&gt; {code} — {name} ({kind})</source>
        <translation>&lt;b&gt;Office:&lt;/b&gt; {code} — {name} ({kind})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Amministratore:&lt;/b&gt; {full_name} (utente {username})</source>
        <translation>&lt;b&gt;Administrator:&lt;/b&gt; {full_name} (user {username})</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Le due password non coincidono.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Dati dimostrativi</source>
        <translation>Demonstration data</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Creazione di %Ln lavoratori fittizi…</source>
        <translation>
            <numerusform>Creating %Ln fictitious worker…</numerusform>
            <numerusform>Creating %Ln fictitious workers…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dati dimostrativi caricati (annullamento arrivato tardi).</source>
        <translation>Demonstration data loaded (the cancel came too late).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dati dimostrativi caricati.</source>
        <translation>Demonstration data loaded.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Caricamento dei dati dimostrativi annullato: {message}</source>
        <translation>Loading of demonstration data cancelled: {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dati dimostrativi non caricati: {message}</source>
        <translation>Demonstration data not loaded: {message}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&apos;ufficio è stato creato, ma i dati dimostrativi non sono stati caricati.

{message}</source>
        <translation>The office was created, but the demonstration data were not loaded.

{message}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/sportello/gui/main_window.py" line="+43"/>
        <source>Sportello — {office}</source>
        <translation>Sportello — {office}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Visualizza</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Lingua</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Aiuto</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Informazioni su Sportello</source>
        <translation>&amp;About Sportello</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Informazioni su &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nessuno</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operatore: {name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database: {location}</source>
        <translation>Database: {location}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Lingua</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La nuova lingua sarà usata dal prossimo avvio di Sportello.</source>
        <translation>The new language will be used from the next start of Sportello.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;h3&gt;Sportello {version}&lt;/h3&gt;&lt;p&gt;Fascicoli dei lavoratori per il Centro per l&apos;Impiego e lo Sportello Unico.&lt;/p&gt;&lt;p&gt;Database: &lt;code&gt;{database}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Python {python}, PySide6 {pyside}. Licenza EUPL-1.2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sportello {version}&lt;/h3&gt;&lt;p&gt;Workers&apos; files for the job centre and the business desk.&lt;/p&gt;&lt;p&gt;Database: &lt;code&gt;{database}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Python {python}, PySide6 {pyside}. Licence EUPL-1.2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Informazioni su Sportello</source>
        <translation>About Sportello</translation>
    </message>
</context>
<context>
    <name>MonitoringArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/monitoring.py" line="+18"/>
        <source>Monitoraggio</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cruscotto per vertenza per il tavolo di crisi: quanti in formazione, quanti ricollocati, e chi c&apos;è dietro ogni numero.</source>
        <translation>Dashboard per company crisis for the crisis table: how many in training, how many placed, and who is behind each figure.</translation>
    </message>
</context>
<context>
    <name>PathwaysArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/pathways.py" line="+18"/>
        <source>Percorsi</source>
        <translation>Pathways</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patti di servizio e percorsi GOL dei lavoratori (reinserimento, aggiornamento, riqualificazione, autoimpiego), con scadenze ed esiti.</source>
        <translation>Service pacts and GOL pathways of the workers (re-employment, upskilling, reskilling, self-employment), with deadlines and outcomes.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../src/sportello/gui/tasks.py" line="+61"/>
        <source>Errore imprevisto: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Annullamento in corso…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>TrainingArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/training.py" line="+18"/>
        <source>Formazione</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corsi degli enti accreditati, voucher formativi sul budget dei fondi, presenze alle lezioni e attestati.</source>
        <translation>Courses of accredited providers, training vouchers against the funds&apos; budgets, attendance and certificates.</translation>
    </message>
</context>
<context>
    <name>WorkerListModel</name>
    <message>
        <location filename="../../src/sportello/gui/worker_model.py" line="+29"/>
        <source>Cognome</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comune di residenza</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aperto</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sospeso</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiuso</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>WorkersArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/workers.py" line="+31"/>
        <source>Lavoratori</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I fascicoli dei lavoratori in ordine alfabetico. La ricerca e la scheda del fascicolo sono in arrivo.</source>
        <translation>The workers&apos; files in alphabetical order. Search and the file&apos;s detail view are coming.</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%Ln lavoratori</source>
        <translation>
            <numerusform>%Ln worker</numerusform>
            <numerusform>%Ln workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun lavoratore nel database.</source>
        <translation>No workers in the database.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/sportello/gui/app.py" line="+51"/>
        <source>Il file non è leggibile o non è un database di Sportello ({cause}).</source>
        <translation>The file cannot be read or is not a Sportello database ({cause}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Il server del database non risponde o rifiuta l&apos;accesso ({cause}).</source>
        <translation>The database server does not answer or refuses access ({cause}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sportello — database non disponibile</source>
        <translation>Sportello — database not available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impossibile aprire il database:
{where}

{detail}</source>
        <translation>Cannot open the database:
{where}

{detail}</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Database aggiornato alla nuova versione; copia di sicurezza: {backup}</source>
        <translation>Database upgraded to the new version; backup copy: {backup}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dati dimostrativi</source>
        <translation>Demonstration data</translation>
    </message>
</context>
</TS>
