<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="it_IT">
<context>
    <name></name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="+531"/>
        <source>Approva voucher</source>
        <translation>Approve voucher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvare il voucher {code} di {worker}?</source>
        <translation>Approve voucher {code} for {worker}?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Si impegnano {amount} sul fondo «{fund}» per il corso «{course}».
Oggi il fondo ha {remaining} disponibili: dopo l&apos;approvazione ne resteranno {after}.</source>
        <translation>{amount} will be committed on the fund “{fund}” for the course “{course}”.
Today the fund has {remaining} available: after approval {after} will remain.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Approva e impegna {amount}</source>
        <translation>&amp;Approve and commit {amount}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AccessRequest</name>
    <message>
        <location filename="../../src/sportello/gui/admin/privacy_tab.py" line="+39"/>
        <source>Richiesta di accesso (GDPR)</source>
        <translation>Access request (GDPR)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cartella in cui salvare il foglio Excel e il PDF</source>
        <translation>Folder for the Excel sheet and the PDF</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scritti i dati della persona ({rows} righe):
{xlsx}
{pdf}</source>
        <translation>The person&apos;s data was written ({rows} rows):
{xlsx}
{pdf}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} documenti del fascicolo in {folder}</source>
        <translation>{count} documents from the file in {folder}</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../src/sportello/gui/admin/dialog.py" line="+18"/>
        <source>Amministrazione</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Operatori</source>
        <translation>&amp;Operators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regole di &amp;accesso</source>
        <translation>Sign-in &amp;rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copie di sicurezza</source>
        <translation>&amp;Backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacy</translation>
    </message>
</context>
<context>
    <name>AdvanceStageDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="+236"/>
        <source>Avanza fase</source>
        <translation>Advance stage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nuova fase</source>
        <translation>New stage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>«Avvio impresa» si raggiunge registrando l&apos;apertura dell&apos;impresa (Apri impresa).</source>
        <translation>“Business start-up” is reached by recording the opening of the business (Open business).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avanza</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Non ci sono fasi successive disponibili.</source>
        <translation>No further stages are available.</translation>
    </message>
</context>
<context>
    <name>AgendaArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/agenda.py" line="+81"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gli appuntamenti degli operatori, per giorno o per settimana: prenotazioni nei posti liberi, esiti dei colloqui e annullamenti.</source>
        <translation>The operators&apos; appointments, by day or by week: bookings in free slots, interview outcomes and cancellations.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Periodo precedente</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Oggi</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Periodo successivo</source>
        <translation>Next period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vai al giorno</source>
        <translation>Go to day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Giorno</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settimana</source>
        <translation>Week</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Di chi mostrare gli appuntamenti</source>
        <translation>Whose appointments to show</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nuovo appuntamento…</source>
        <translation>New appointment…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Esito:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Presente</source>
        <translation>&amp;Present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ssente</source>
        <translation>&amp;Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giustificato</source>
        <translation>&amp;Excused</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registra l&apos;esito dell&apos;appuntamento selezionato (tasto {key} sugli appuntamenti)</source>
        <translation>Records the outcome of the selected appointment (key {key} on the appointments)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nota sull&apos;esito (facoltativa)</source>
        <translation>Note on the outcome (optional)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Apri fascicolo</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annulla appuntamento…</source>
        <translation>Cancel appointment…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Promemoria…</source>
        <translation>Reminders…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gli appuntamenti di domani: foglio delle chiamate, e-mail, SMS, avvisati</source>
        <translation>Tomorrow&apos;s appointments: call sheet, e-mails, SMS, notified</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Tutto l&apos;ufficio</source>
        <translation>Whole office</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Settimana {week}: {start} – {end}</source>
        <translation>Week {week}: {start} – {end}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{day} — {holiday}</source>
        <translation>{day} — {holiday}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Festivi: {days}</source>
        <translation>Public holidays: {days}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chiuso: {reason}</source>
        <translation>Closed: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n appuntamenti</source>
        <translation>
            <numerusform>%n appointment</numerusform>
            <numerusform>%n appointments</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun appuntamento</source>
        <translation>No appointments</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Selezionare un appuntamento per registrarne l&apos;esito o annullarlo.</source>
        <translation>Select an appointment to record its outcome or cancel it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>con {operator}</source>
        <translation>with {operator}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>esito: {outcome}</source>
        <translation>outcome: {outcome}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>esito non registrato</source>
        <translation>outcome not recorded</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Esito non registrato</source>
        <translation>Outcome not recorded</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annullare l&apos;appuntamento di {name} del {day} alle {time} con {operator}?</source>
        <translation>Cancel the appointment of {name} on {day} at {time} with {operator}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Annulla appuntamento</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Appuntamento non annullato</source>
        <translation>Appointment not cancelled</translation>
    </message>
</context>
<context>
    <name>AnagraficaPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/tabs.py" line="+127"/>
        <source>Dati anagrafici</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>16 caratteri: nascita e sesso si compilano da soli</source>
        <translation>16 characters: birth and sex are filled in by themselves</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Sesso</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data di nascita</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luogo di nascita</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice catastale</source>
        <translation>Cadastral code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provincia di nascita</source>
        <translation>Province of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cittadinanza</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ha dato il consenso al trattamento dei dati</source>
        <translation>Consented to the processing of personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consenso</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data del consenso</source>
        <translation>Date of consent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versione dell&apos;informativa</source>
        <translation>Privacy notice version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operatore assegnato</source>
        <translation>Assigned operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— nessuno —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <location filename="../../src/sportello/gui/admin/privacy_tab.py" line="+19"/>
        <source>Anonimizza i fascicoli chiusi</source>
        <translation>Anonymise closed files</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fascicoli chiusi entro il {cutoff}: nome, codice fiscale, recapiti e testi liberi saranno cancellati per sempre; restano i dati codificati (percorsi, esiti, voucher) per le statistiche. L&apos;operazione non si può annullare.</source>
        <translation>Files closed by {cutoff}: name, tax code, contacts and free text will be erased for ever; the coded data (pathways, outcomes, vouchers) stays for the statistics. This cannot be undone.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiuso il</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Anonimizza 1 fascicolo</source>
        <translation>Anonymise 1 file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Anonimizza {n} fascicoli</source>
        <translation>Anonymise {n} files</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Anonimizzare per sempre 1 fascicolo?</source>
        <translation>Anonymise 1 file for ever?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonimizzare per sempre {n} fascicoli?</source>
        <translation>Anonymise {n} files for ever?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>1 fascicolo anonimizzato.</source>
        <translation>1 file anonymised.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} fascicoli anonimizzati.</source>
        <translation>{n} files anonymised.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Nessun fascicolo da anonimizzare.</source>
        <translation>No files to anonymise.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Anonimizzazione in corso…</source>
        <translation>Anonymising…</translation>
    </message>
</context>
<context>
    <name>AtecoField</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="-206"/>
        <source>Codice o parole dell&apos;attività, es. 56.30 o «bar»</source>
        <translation>Code or words of the activity, e.g. 56.30 or “bar”</translation>
    </message>
</context>
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/documents_page.py" line="+194"/>
        <source>Allega un documento — {worker}</source>
        <translation>Attach a document — {worker}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>percorso del file, o Sfoglia…</source>
        <translation>file path, or Browse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sfoglia…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Firmato il</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocolla in entrata</source>
        <translation>Assign incoming protocol no.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Mittente</source>
        <translation>S&amp;ender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Oggetto</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Canale</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ricevuto il</source>
        <translation>&amp;Received on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tipo</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Allegato a</source>
        <translation>&amp;Attached to</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allega</source>
        <translation>Attach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Scegli il documento</source>
        <translation>Choose the document</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scegliere il file da allegare.</source>
        <translation>Choose the file to attach.</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/audit_viewer.py" line="+40"/>
        <source>fascicolo</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operatore</source>
        <translation>operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ufficio</source>
        <translation>office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impostazione</source>
        <translation>setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appuntamento</source>
        <translation>appointment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diario</source>
        <translation>diary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>situazione lavorativa</source>
        <translation>employment situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>patto di servizio</source>
        <translation>service pact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>percorso</source>
        <translation>pathway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voucher</source>
        <translation>voucher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lettera</source>
        <translation>letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vertenza</source>
        <translation>crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sede della vertenza</source>
        <translation>crisis case site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parte al tavolo</source>
        <translation>party at the table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>incontro del tavolo</source>
        <translation>table meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registro attività</source>
        <translation>activity log</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Registro attività</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tutti</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>codice fiscale</source>
        <translation>tax code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutte</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dal</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;l</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Operatore</source>
        <translation>&amp;Operator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fascicolo</source>
        <translation>F&amp;ile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Azione</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chi</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azione</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oggetto</source>
        <translation>Object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dettaglio</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Selezionare una riga per vedere i valori prima → dopo.</source>
        <translation>Select a row to see the values before → after.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Esporta…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>1 riga</source>
        <translation>1 row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} righe</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Esportata 1 riga in {file}.</source>
        <translation>Exported 1 row to {file}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esportate {n} righe in {file}.</source>
        <translation>Exported {n} rows to {file}.</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+10"/>
        <source>Esporta il registro</source>
        <translation>Export the log</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Fil&amp;tra</source>
        <translation>Fi&amp;lter</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scrittura del foglio Excel…</source>
        <translation>Writing the Excel sheet…</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../src/sportello/gui/admin/backups_tab.py" line="+45"/>
        <source>Sportello fa una copia automatica alla chiusura quando qualcosa è cambiato e ne conserva una per giorno (7 giorni), settimana (4) e mese (12). Le copie manuali non vengono mai cancellate.</source>
        <translation>Sportello makes an automatic backup on closing when something changed and keeps one per day (7 days), week (4) and month (12). Manual backups are never deleted.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensione</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verificata</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sì</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Crea una copia ora</source>
        <translation>&amp;Make a copy now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ripristina la copia selezionata…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ripristina da un &amp;file…</source>
        <translation>Restore from a &amp;file…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Copia di sicurezza</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copia e verifica del database in corso…</source>
        <translation>Copying and verifying the database…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copia verificata: {file} ({size}).</source>
        <translation>Backup verified: {file} ({size}).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Selezionare nell&apos;elenco la copia da ripristinare.</source>
        <translation>Select the backup to restore in the list.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copia da ripristinare</source>
        <translation>Backup to restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database di Sportello (*.db *.sqlite);;Tutti i file (*)</source>
        <translation>Sportello databases (*.db *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ripristina copia di sicurezza</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sostituire TUTTO il database con la copia del {when}?</source>
        <translation>Replace the WHOLE database with the backup of {when}?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File: {file}

Quanto è stato registrato dopo quel momento, da tutti gli operatori, non sarà più nel database (lo stato attuale viene salvato in una copia «prima di un ripristino»). Poi Sportello si chiude e va riaperto.</source>
        <translation>File: {file}

What was recorded after that moment, by every operator, will no longer be in the database (the current state is saved in a &quot;before a restore&quot; backup). Then Sportello closes and must be reopened.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ripristina la copia del {when}</source>
        <translation>Restore the backup of {when}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ripristino completato</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ripristinata la copia {file}.
Lo stato precedente è salvato in {safety}.

Sportello ora si chiude: riaprirlo per lavorare sui dati ripristinati.</source>
        <translation>Restored the backup {file}.
The previous state is saved in {safety}.

Sportello now closes: reopen it to work on the restored data.</translation>
    </message>
</context>
<context>
    <name>BatchLettersDialog</name>
    <message>
        <location filename="../../src/sportello/gui/letters.py" line="+586"/>
        <source>Lettere per una selezione</source>
        <translation>Letters for a selection</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Modello</source>
        <translation>&amp;Template</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Oggetto</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Testo</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Consegna</source>
        <translation>&amp;Delivery</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Salta chi non ha i dati necessari (elencati alla fine) invece di fermarsi</source>
        <translation>Skip whoever lacks the data needed (listed at the end) instead of stopping</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Salva anche un PDF per lavoratore in:</source>
        <translation>Also save one PDF per worker in:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sfoglia…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Emetti le lettere</source>
        <translation>Issue the letters</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cartella delle lettere</source>
        <translation>Letters folder</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Preparazione di {n} lettere…</source>
        <translation>Preparing {n} letters…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Annullato: nessuna lettera emessa, nessun numero di protocollo usato.</source>
        <translation>Cancelled: no letter issued, no protocol number used.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} lettere emesse, protocolli da {first} a {last}.</source>
        <translation>{n} letters issued, protocol numbers {first} to {last}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Un PDF per lavoratore in {folder}.</source>
        <translation>One PDF per worker in {folder}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saltati per dati mancanti: {n}.</source>
        <translation>Skipped for missing data: {n}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lettere — {n}</source>
        <translation>Letters — {n}</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/booking.py" line="+60"/>
        <source>Nuovo appuntamento</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Lavoratore:</source>
        <translation>&amp;Worker:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun lavoratore scelto</source>
        <translation>No worker chosen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lavoratore:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Operatore:</source>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Giorno:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clic su un orario per sceglierlo</source>
        <translation>Click a time to choose it</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Posti liberi:</source>
        <translation>Free slots:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> minuti</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Durata:</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Colloquio di orientamento</source>
        <translation>Guidance interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stipula patto di servizio</source>
        <translation>Signing of the service pact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convocazione vertenza</source>
        <translation>Crisis-case convocation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifica del percorso</source>
        <translation>Pathway review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colloquio per l&apos;autoimprenditorialità</source>
        <translation>Self-employment interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consegna documenti</source>
        <translation>Delivery of documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Motivo:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>es. Sportello 2, piano terra</source>
        <translation>e.g. Desk 2, ground floor</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>O&amp;ra:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Centro per l&apos;Impiego</source>
        <translation>Job centre (CPI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sportello Unico (autoimprenditorialità)</source>
        <translation>Sportello Unico (self-employment)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Con chi è l&apos;incontro: l&apos;«Invito allo Sportello Unico» usa il prossimo appuntamento dello Sportello Unico</source>
        <translation>Who the meeting is with: the “Invito allo Sportello Unico” letter uses the next Sportello Unico appointment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ser&amp;vizio:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&amp;uogo:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In presenza</source>
        <translation>In person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A distanza: videochiamata</source>
        <translation>Remote: video call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A distanza: telefono</source>
        <translation>Remote: phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lo sportello virtuale: la convocazione dice come collegarsi o a che numero la persona sarà chiamata</source>
        <translation>The virtual desk: the convocation says how to connect or on which number the person will be called</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modali&amp;tà:</source>
        <translation>&amp;Mode:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link della videochiamata (https://…) o numero da chiamare</source>
        <translation>video call link (https://…) or number to call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coll&amp;egamento:</source>
        <translation>Lin&amp;k:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prenota</source>
        <translation>Book</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cognome, nome o codice fiscale</source>
        <translation>Surname, name or tax code</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Scrivere almeno due lettere.</source>
        <translation>Type at least two letters.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nessun lavoratore trovato.</source>
        <translation>No worker found.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Primi {shown} di {total}: precisare la ricerca.</source>
        <translation>First {shown} of {total}: refine the search.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Scrivere il giorno dell&apos;appuntamento (es. 07/12/2026).</source>
        <translation>Type the day of the appointment (e.g. 07/12/2026).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scrivere l&apos;ora dell&apos;appuntamento (es. 09:30).</source>
        <translation>Type the time of the appointment (e.g. 09:30).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Scrivere il giorno come gg/mm/aaaa.</source>
        <translation>Type the day as dd/mm/yyyy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>orario {hours}</source>
        <translation>opening hours {hours}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Giorno di chiusura: nessun posto libero.</source>
        <translation>Closed day: no free slots.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun posto libero in questo giorno.</source>
        <translation>No free slots on this day.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+7"/>
        <location line="+5"/>
        <source>Prenotazione</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Scegliere il lavoratore da convocare.</source>
        <translation>Choose the worker to call in.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scegliere l&apos;operatore.</source>
        <translation>Choose the operator.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Giorno di chiusura</source>
        <translation>Closed day</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Orario già occupato</source>
        <translation>Time already taken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prenotazione non riuscita</source>
        <translation>Booking failed</translation>
    </message>
</context>
<context>
    <name>BusinessArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/business.py" line="+87"/>
        <source>Sportello Unico</source>
        <translation>Business Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progetti di autoimpiego: business plan, apertura dell&apos;attività (ATECO, SCIA al SUAP) e richieste di finanziamento.</source>
        <translation>Self-employment projects: business plan, opening the business (ATECO, SCIA at the SUAP) and funding requests.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cerca lavoratore</source>
        <translation>Search worker</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutte le fasi</source>
        <translation>All stages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nuovo progetto…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idea d&apos;impresa</source>
        <translation>Business idea</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Fase</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Impresa</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATECO</source>
        <translation>ATECO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ultimo incontro</source>
        <translation>Last meeting</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Apri fascicolo</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Aggiungi incontro…</source>
        <translation>Add meeting…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avanza fase…</source>
        <translation>Advance stage…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+221"/>
        <source>Apri impresa…</source>
        <translation>Open business…</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Incontri e note</source>
        <translation>Meetings and notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pratica</source>
        <translation>Filing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentata il</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SUAP</source>
        <translation>SUAP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data esito</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nuova SCIA…</source>
        <translation>New SCIA…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>Registra esito…</source>
        <translation>Record outcome…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>SCIA al SUAP</source>
        <translation>SCIA at the SUAP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Richiesto</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Concesso</source>
        <translation>Granted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presentata</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisa</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nuova richiesta…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Finanziamenti</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>1 progetto</source>
        <translation>1 project</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} progetti</source>
        <translation>{n} projects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun progetto.</source>
        <translation>No projects.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nessun progetto selezionato</source>
        <translation>No project selected</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selezionare un progetto per vederne le fasi, gli incontri, la SCIA e i finanziamenti.</source>
        <translation>Select a project to see its stages, meetings, SCIA and funding.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>P.IVA {vat}</source>
        <translation>VAT no. {vat}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aperta il {date}</source>
        <translation>opened on {date}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Impresa non ancora aperta.</source>
        <translation>Business not opened yet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Modifica dati impresa…</source>
        <translation>Edit business details…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Progetto avviato in pre-accoglienza.</source>
        <translation>Project started in pre-intake.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Incontro registrato.</source>
        <translation>Meeting recorded.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fase aggiornata.</source>
        <translation>Stage updated.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apertura dell&apos;impresa registrata.</source>
        <translation>Business opening recorded.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SCIA registrata.</source>
        <translation>SCIA recorded.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Esito della SCIA registrato.</source>
        <translation>SCIA outcome recorded.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Richiesta di finanziamento registrata.</source>
        <translation>Funding request recorded.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Esito del finanziamento registrato.</source>
        <translation>Funding decision recorded.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>La scheda del fascicolo non è disponibile.</source>
        <translation>The worker&apos;s file window is not available.</translation>
    </message>
</context>
<context>
    <name>CallInDialog</name>
    <message>
        <location filename="../../src/sportello/gui/letters.py" line="+12"/>
        <source>Convoca i lavoratori</source>
        <translation>Call workers in</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Modello</source>
        <translation>&amp;Template</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Operatori</source>
        <translation>&amp;Operators</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Dal giorno</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> giorni</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Per</source>
        <translation>&amp;For</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Prenotazione e convocazione di {n} lavoratori…</source>
        <translation>Booking and calling in {n} workers…</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Scegliere almeno un operatore per i colloqui.</source>
        <translation>Choose at least one operator for the interviews.</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Ogni lavoratore scelto riceve un appuntamento nei posti liberi degli operatori indicati (orari d&apos;apertura, festivi e appuntamenti già presi rispettati) e la lettera di convocazione. Prima si vede il piano; nulla è prenotato finché non lo si conferma.</source>
        <translation>Each chosen worker gets an appointment in the free slots of the selected operators (opening hours, public holidays and appointments already booked are respected) and the convocation letter. The plan is shown first; nothing is booked until you confirm it.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Colloqui di {minutes} minuti negli orari d&apos;apertura dell&apos;ufficio (File → Impostazioni → Orari e appuntamenti).</source>
        <translation>Interviews of {minutes} minutes within the office&apos;s opening hours (File → Settings → Hours and appointments).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Durata</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Consegna</source>
        <translation>&amp;Delivery</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giorno</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>‹ &amp;Indietro</source>
        <translation>‹ &amp;Back</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Avanti: piano delle convocazioni ›</source>
        <translation>&amp;Next: convocation plan ›</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scrivere il primo giorno delle convocazioni.</source>
        <translation>Type the first day of the convocations.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n} appuntamenti dal {first} al {last}. Controllare chi riceve quale posto: «Prenota e stampa» li prenota tutti ed emette le convocazioni.</source>
        <translation>{n} appointments from {first} to {last}. Check who gets which slot: “Book and print” books them all and issues the convocations.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Prenota e stampa</source>
        <translation>Book and &amp;print</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nessun piano da confermare.</source>
        <translation>No plan to confirm.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Annullato: nessun appuntamento prenotato, nessuna lettera emessa.</source>
        <translation>Cancelled: no appointment booked, no letter issued.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} lavoratori convocati dal {first} al {last}; protocolli da {p1} a {p2}.</source>
        <translation>{n} workers called in from {first} to {last}; protocol numbers {p1} to {p2}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Convocazioni — {n}</source>
        <translation>Convocations — {n}</translation>
    </message>
</context>
<context>
    <name>CaseloadDialog</name>
    <message>
        <location filename="../../src/sportello/gui/areas/cohort.py" line="+218"/>
        <source>Carichi di lavoro</source>
        <translation>Caseloads</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fascicoli aperti</source>
        <translation>Open files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appuntamenti questa settimana</source>
        <translation>Appointments this week</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scadenze superate</source>
        <translation>Overdue deadlines</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scadenze superate: revisioni del patto scadute e appuntamenti passati senza esito.</source>
        <translation>Overdue deadlines: pact reviews past due and past appointments with no outcome.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_tabs.py" line="+112"/>
        <source>Cerca corso (titolo, area, codice)</source>
        <translation>Search course (title, area, code)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nuovo ente…</source>
        <translation>New provider…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modifica ente…</source>
        <translation>Edit provider…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Titolo</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ente</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Ore</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Al</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posti</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{taken} assegnati su {seats}</source>
        <translation>{taken} taken of {seats}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Costo</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Freq. min.</source>
        <translation>Min. att.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nuovo corso…</source>
        <translation>New course…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modifica corso…</source>
        <translation>Edit course…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+108"/>
        <source>Lezioni</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Giorno e ora</source>
        <translation>Day and time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presenze registrate</source>
        <translation>Attendance recorded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Argomento</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Aggiungi lezione…</source>
        <translation>Add lesson…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tutti gli enti</source>
        <translation>All providers</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Lezioni: {scheduled} ore in calendario su {hours}</source>
        <translation>Lessons: {scheduled} hours scheduled of {hours}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ente di formazione registrato.</source>
        <translation>Training provider recorded.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ente di formazione aggiornato.</source>
        <translation>Training provider updated.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Corso inserito nel catalogo.</source>
        <translation>Course added to the catalogue.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Corso aggiornato.</source>
        <translation>Course updated.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lezione aggiunta.</source>
        <translation>Lesson added.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/login.py" line="+120"/>
        <source>Cambia password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name}, un amministratore ha reimpostato la password: prima di continuare sceglierne una nuova, personale.</source>
        <translation>{name}, an administrator has reset your password: choose a new, personal one before continuing.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password di {name}.</source>
        <translation>Password of {name}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password &amp;attuale</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nuova password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ripeti la nuova</source>
        <translation>&amp;Repeat the new one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cambia password</source>
        <translation>&amp;Change password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Esci dall&apos;account</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Le due password non coincidono.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>CloseFileDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/pathway_dialogs.py" line="+111"/>
        <location line="+15"/>
        <source>Chiudi fascicolo</source>
        <translation>Close file</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scegliere l&apos;esito…</source>
        <translation>Choose the outcome…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data di chiusura</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scegliere il lavoratore il cui fascicolo chiudere.</source>
        <translation>Choose the worker whose file to close.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Il lavoratore non ha percorsi aperti.</source>
        <translation>The worker has no open pathways.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 percorso aperto sarà chiuso con questo esito: {kinds}.</source>
        <translation>1 open pathway will be closed with this outcome: {kinds}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} percorsi aperti saranno chiusi con questo esito: {kinds}.</source>
        <translation>{n} open pathways will be closed with this outcome: {kinds}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scegliere il lavoratore.</source>
        <translation>Choose the worker.</translation>
    </message>
</context>
<context>
    <name>ClosePathwayDialog</name>
    <message>
        <location line="-83"/>
        <location line="+23"/>
        <source>Chiudi percorso</source>
        <translation>Close pathway</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>{worker} — {kind}, avviato il {start}</source>
        <translation>{worker} — {kind}, started on {start}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scegliere l&apos;esito…</source>
        <translation>Choose the outcome…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data di chiusura</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrotto prima del termine</source>
        <translation>Interrupted before the end</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scegliere l&apos;esito del percorso.</source>
        <translation>Choose the pathway&apos;s outcome.</translation>
    </message>
</context>
<context>
    <name>CohortDialog</name>
    <message>
        <location filename="../../src/sportello/gui/areas/cohort.py" line="-180"/>
        <source>Azioni sul gruppo</source>
        <translation>Group actions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} fascicoli: {what}.</source>
        <translation>{n} files: {what}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>L&apos;azione vale per tutti o per nessuno: se un fascicolo non la può ricevere, nulla cambia e il messaggio dice quale e perché. Ogni modifica resta nel registro attività, fascicolo per fascicolo.</source>
        <translation>The action applies to all or none: if a file cannot take it, nothing changes and the message says which one and why. Every change stays in the activity log, file by file.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Riassegna a un operatore</source>
        <translation>Reassign to an operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine della CIGS</source>
        <translation>End of CIGS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine della NASpI</source>
        <translation>End of NASpI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avvia un percorso</source>
        <translation>Start a pathway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiudi i fascicoli con un esito</source>
        <translation>Close the files with an outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stampa una lettera protocollata</source>
        <translation>Print a letter with protocol no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esporta in Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Azione</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Esegui</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scrivere {what}.</source>
        <translation>Type {what}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>la nuova data di fine</source>
        <translation>the new end date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>la data di avvio</source>
        <translation>the start date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>la data di chiusura</source>
        <translation>the closing date</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scrivere il file .xlsx da creare.</source>
        <translation>Type the .xlsx file to create.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{detail}: {changed} fascicoli modificati su {n}.</source>
        <translation>{detail}: {changed} of {n} files changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} lettere, protocolli da {first} a {last}.</source>
        <translation>{n} letters, protocol numbers {first} to {last}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lettere — {n}</source>
        <translation>Letters — {n}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} fascicoli esportati in {path}.</source>
        <translation>{n} files exported to {path}.</translation>
    </message>
</context>
<context>
    <name>CohortExitDialog</name>
    <message>
        <location filename="../../src/sportello/gui/areas/vertenze.py" line="+267"/>
        <source>Uscita dalla coorte</source>
        <translation>Cohort exit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nessuna: da ricollocare</source>
        <translation>None: to be placed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uscita</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ComingSoonArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/base.py" line="+133"/>
        <source>In arrivo: questa sezione non è ancora disponibile.</source>
        <translation>Coming soon: this section is not available yet.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/dialogs.py" line="+43"/>
        <source>Il fascicolo è stato modificato da un altro operatore</source>
        <translation>The file was changed by another operator</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Qualcun altro ha salvato questa scheda dopo che l&apos;avete aperta (ora è alla versione {version}). Le vostre modifiche &lt;b&gt;non&lt;/b&gt; sono state salvate e sono ancora nel modulo.</source>
        <translation>Someone else saved this record after you opened it (it is now at version {version}). Your changes were &lt;b&gt;not&lt;/b&gt; saved and are still in the form.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Il vostro valore</source>
        <translation>Your value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valore salvato</source>
        <translation>Saved value</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ricarica (scarta le mie modifiche)</source>
        <translation>Reload (discard my changes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Riporta le mie modifiche sulla versione salvata</source>
        <translation>Put my changes on the saved version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continua a modificare</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/tabs.py" line="+9"/>
        <source>Residenza</source>
        <translation>Residence</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>CAP</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+6"/>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Domicilio (se diverso dalla residenza)</source>
        <translation>Domicile (if not the residence)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copia dalla residenza</source>
        <translation>Copy from the residence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recapiti</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cellulare</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="-407"/>
        <source>Modifica corso</source>
        <translation>Edit course</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nuovo corso</source>
        <translation>New course</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ente</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Titolo</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>facoltativo, es. ASTISS-2027-0012</source>
        <translation>optional, e.g. ASTISS-2027-0012</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>es. Digitale, Amministrazione, Lingue</source>
        <translation>e.g. Digital, Administration, Languages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ore</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inizio</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fine</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Posti</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>€ per partecipante, es. 1.250,00</source>
        <translation>€ per participant, e.g. 1,250.00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costo</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attestato</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Frequenza minima</source>
        <translation>Minimum attendance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sede</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Posti già assegnati: {n}.</source>
        <translation>Seats already taken: {n}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salva corso</source>
        <translation>Save course</translation>
    </message>
</context>
<context>
    <name>DayColumn</name>
    <message>
        <location filename="../../src/sportello/gui/agenda/views.py" line="+340"/>
        <source>(motivo non indicato)</source>
        <translation>(no purpose given)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operatore: {name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esito: {outcome}</source>
        <translation>Outcome: {outcome}</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <location line="-240"/>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motivo</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message>
        <location filename="../../src/sportello/gui/deadlines_panel.py" line="+146"/>
        <source>Scadenze</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appuntamenti mancati</source>
        <translation>Missed appointments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appuntamenti senza esito</source>
        <translation>Appointments without outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIGS in scadenza</source>
        <translation>CIGS ending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NASpI in scadenza</source>
        <translation>NASpI ending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisione del patto di servizio</source>
        <translation>Service pact review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher in scadenza</source>
        <translation>Vouchers expiring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consenso privacy mancante</source>
        <translation>Privacy consent missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patti stampati e non restituiti firmati</source>
        <translation>Pacts printed, not returned signed</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Entro</source>
        <translation>Within</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> giorni</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Solo i miei</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solo i lavoratori assegnati a me</source>
        <translation>Only the workers assigned to me</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aggiorna</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rileggi le scadenze</source>
        <translation>Read the deadlines again</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dettaglio</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Caricamento…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scadenze non disponibili: {error}</source>
        <translation>Deadlines not available: {error}</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>%n scadenze</source>
        <translation>
            <numerusform>%n deadline</numerusform>
            <numerusform>%n deadlines</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessuna scadenza entro {days} giorni.</source>
        <translation>No deadlines within {days} days.</translation>
    </message>
</context>
<context>
    <name>DecideFundingDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="+308"/>
        <source>Esito del finanziamento</source>
        <translation>Funding decision</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{programme}: richiesti {amount}</source>
        <translation>{programme}: {amount} requested</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importo concesso (€)</source>
        <translation>Amount granted (€)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra esito</source>
        <translation>Record outcome</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>La richiesta è già chiusa.</source>
        <translation>The request is already closed.</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/tabs.py" line="+182"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>Tipo</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Oggetto</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Il diario è vuoto: scrivere qui sotto la prima annotazione.</source>
        <translation>The diary is empty: write the first note below.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selezionare un&apos;annotazione per leggerla per intero.</source>
        <translation>Select a note to read it in full.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nuova annotazione</source>
        <translation>New note</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Che cosa è stato detto o deciso nel colloquio…</source>
        <translation>What was said or decided in the interview…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testo</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggiungi al diario</source>
        <translation>Add to the diary</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/documents_page.py" line="+45"/>
        <source>Allega…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allega un documento (PDF, immagine, ODT, DOCX, XLSX); si può anche trascinare il file sulla finestra</source>
        <translation>Attach a document (PDF, image, ODT, DOCX, XLSX); you can also drag the file onto the window</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anteprima</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mostra il documento nel programma</source>
        <translation>Shows the document in the program</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apri</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apre una copia con il programma del computer</source>
        <translation>Opens a copy in the computer&apos;s own program</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salva copia…</source>
        <translation>Save copy…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Salva una copia del documento</source>
        <translation>Saves a copy of the document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stampa…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stampa il documento</source>
        <translation>Prints the document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elimina…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toglie il documento dal fascicolo (responsabili)</source>
        <translation>Removes the document from the file (team leaders)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutti i tipi</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documento</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caricato da</source>
        <translation>Uploaded by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocollo</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensione</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allegato a</source>
        <translation>Attached to</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nessun documento in questo fascicolo. Allegare il documento d&apos;identità, il CV, il patto firmato…</source>
        <translation>No documents in this file. Attach the ID document, the CV, the signed pact…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Allegato: {name}.</source>
        <translation>Attached: {name}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocollo in entrata n. {protocol}.</source>
        <translation>Incoming protocol no. {protocol}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patto di servizio: {what}.</source>
        <translation>Service pact: {what}.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Salva una copia</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copia salvata in {path}.</source>
        <translation>Copy saved to {path}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Elimina documento</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perché si toglie «{name}» dal fascicolo?</source>
        <translation>Why is “{name}” being removed from the file?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documento eliminato: {name}.</source>
        <translation>Document deleted: {name}.</translation>
    </message>
</context>
<context>
    <name>EducationPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/tabs.py" line="-200"/>
        <source>Istruzione</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Livello di istruzione</source>
        <translation>Education level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Titolo di studio</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lingue conosciute</source>
        <translation>Languages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lingua</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Livello</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nessuna lingua registrata.</source>
        <translation>No language recorded.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patente e competenze</source>
        <translation>Licence and skills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patente</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automunito</source>
        <translation>Has a car</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sì</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competenze</source>
        <translation>Skills</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/offers.py" line="+70"/>
        <source>Nuova azienda</source>
        <translation>New employer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ragione sociale</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>11 cifre, o codice fiscale</source>
        <translation>11 digits, or tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partita IVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referente</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salva azienda</source>
        <translation>Save employer</translation>
    </message>
</context>
<context>
    <name>EmploymentPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/tabs.py" line="+15"/>
        <source>Provenienza</source>
        <translation>Background</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertenza</source>
        <translation>Crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— nessuna —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ultimo datore di lavoro</source>
        <translation>Last employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CF / P.IVA del datore</source>
        <translation>Employer&apos;s tax code / VAT no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifica (descrizione)</source>
        <translation>Job title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qualifica</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F – tempo pieno</source>
        <translation>F – full time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P – tempo parziale</source>
        <translation>P – part time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orario</source>
        <translation>Working time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ore settimanali</source>
        <translation>Weekly hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data di assunzione</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data di uscita</source>
        <translation>Left on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ammortizzatori sociali</source>
        <translation>Income support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ammortizzatore</source>
        <translation>Income support</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inizio CIGS</source>
        <translation>CIGS start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine CIGS</source>
        <translation>CIGS end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inizio NASpI</source>
        <translation>NASpI start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine NASpI</source>
        <translation>NASpI end</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DID e profilazione</source>
        <translation>DID and profiling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data della DID</source>
        <translation>DID date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canale della DID</source>
        <translation>DID channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato della DID</source>
        <translation>DID status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indice di profilazione</source>
        <translation>Profiling index</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data della profilazione</source>
        <translation>Profiling date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valutazione qualitativa</source>
        <translation>Qualitative assessment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dati aggiuntivi dalle liste importate</source>
        <translation>Additional data from imported lists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colonna</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valore</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nessun dato aggiuntivo: le colonne di una lista che Sportello non conosce si conservano qui scegliendolo nell&apos;importazione.</source>
        <translation>No additional data: the columns of a list that Sportello does not know are kept here if you choose so when importing.</translation>
    </message>
</context>
<context>
    <name>ExchangeArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/exchange.py" line="+46"/>
        <source>Import/Export</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importazione degli elenchi Excel della Regione con anteprima degli errori, ed esportazione dei fogli di monitoraggio.</source>
        <translation>Import of the Region&apos;s Excel lists with a preview of errors, and export of the monitoring sheets.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Importa un elenco Excel…</source>
        <translation>&amp;Import an Excel list…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importa i lavoratori da un foglio .xlsx, .xlsm, .xls o .ods (Ctrl+O)</source>
        <translation>Import workers from an .xlsx, .xlsm, .xls or .ods sheet (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regi&amp;stra le assunzioni…</source>
        <translation>&amp;Record hires…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registra come inserimenti lavorativi le assunzioni di un elenco della Regione (comunicazioni obbligatorie) e chiude i percorsi di ricollocazione</source>
        <translation>Records the hires on a Region list (mandatory notifications) as job placements and closes the outplacement pathways</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Esporta in Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Si può anche trascinare qui un file Excel.</source>
        <translation>You can also drag an Excel file here.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cronologia delle importazioni e delle esportazioni</source>
        <translation>History of imports and exports</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Elenco delle assunzioni</source>
        <translation>List of hires</translation>
    </message>
</context>
<context>
    <name>ExchangeCommon</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/common.py" line="+24"/>
        <source>Fogli di calcolo (*.xlsx *.xlsm *.xls *.ods);;Tutti i file (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lavoratori</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percorsi</source>
        <translation>Pathways</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fondi</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corsi</source>
        <translation>Courses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appuntamenti</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inserimenti lavorativi</source>
        <translation>Job placements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imprese</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assunzioni</source>
        <translation>Hires</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/export_dialog.py" line="+47"/>
        <source>Esporta in Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Un foglio .xlsx con un&apos;intestazione e una riga per record: date come date, importi in euro, codici fiscali come testo.</source>
        <translation>An .xlsx sheet with one header and one row per record: dates as dates, amounts in euro, tax codes as text.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Dati:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— tutte —</source>
        <translation>— all —</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Vertenza:</source>
        <translation>Cr&amp;isis case:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standard di Sportello</source>
        <translation>Sportello standard</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Per i lavoratori: le colonne e i codici di un profilo, ad esempio il modello della Regione</source>
        <translation>For workers: the columns and codes of a profile, for example the Region&apos;s template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ormato:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Esporta</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apri la &amp;cartella</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Modello vuoto…</source>
        <translation>Blank &amp;template…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Un elenco lavoratori vuoto da consegnare, con gli elenchi a discesa per i codici</source>
        <translation>An empty workers list to hand out, with drop-down lists for the codes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Modello vuoto</source>
        <translation>Blank template</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Modello vuoto scritto in {path}.</source>
        <translation>Blank template written to {path}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Esporta in</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Il file {name} esiste già. Sostituirlo?</source>
        <translation>The file {name} already exists. Replace it?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Esportazione in corso…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scrittura di {name}…</source>
        <translation>Writing {name}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Esportate {rows} righe in {path}.</source>
        <translation>Exported {rows} rows to {path}.</translation>
    </message>
</context>
<context>
    <name>FieldBinder</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/binder.py" line="+261"/>
        <source>Sì</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="+202"/>
        <source>Il file da importare</source>
        <translation>The file to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scegliere il foglio Excel o OpenDocument ricevuto dalla Regione (.xlsx, .xlsm, .xls, .ods). Il file non viene modificato.</source>
        <translation>Choose the Excel or OpenDocument sheet received from the Region (.xlsx, .xlsm, .xls, .ods). The file is not changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scegliere un file oppure trascinarlo qui</source>
        <translation>Choose a file or drag it here</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Sfoglia…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scegli il file da importare</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lettura di {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importazione</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lettura del file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Foglio «{sheet}»: intestazione trovata nella riga {row}, {mapped} colonne riconosciute su {total}.</source>
        <translation>Sheet “{sheet}”: header found in row {row}, {mapped} of {total} columns recognised.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profilo riconosciuto: «{profile}».</source>
        <translation>Profile recognised: “{profile}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non trovo la riga di intestazione: indicarla nel passo successivo.</source>
        <translation>The header row was not found: indicate it in the next step.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../src/sportello/gui/first_run.py" line="+105"/>
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
        <location line="+13"/>
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
    <name>FormDialog</name>
    <message>
        <location filename="../../src/sportello/gui/kit/forms.py" line="+180"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FundDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="+74"/>
        <source>Modifica fondo</source>
        <translation>Edit fund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nuovo fondo</source>
        <translation>New fund</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tutte (fondo nazionale)</source>
        <translation>All (national fund)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Un fondo regionale paga solo i voucher di chi è della sua Regione</source>
        <translation>A regional fund only pays the vouchers of people from its Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regione</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Anno</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>es. 250.000,00</source>
        <translation>e.g. 250,000.00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (€)</source>
        <translation>Budget (€)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Impegnato {committed}, speso {spent}.</source>
        <translation>Committed {committed}, spent {spent}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attivo: accetta nuovi voucher</source>
        <translation>Active: accepts new vouchers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salva fondo</source>
        <translation>Save fund</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Anno non valido.</source>
        <translation>Invalid year.</translation>
    </message>
</context>
<context>
    <name>FundingDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="-72"/>
        <source>Nuova richiesta di finanziamento</source>
        <translation>New funding request</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>es. 15.000,00</source>
        <translation>e.g. 15,000.00</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importo richiesto (€)</source>
        <translation>Amount requested (€)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presentata il</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra richiesta</source>
        <translation>Record request</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nessun programma di finanziamento attivo.</source>
        <translation>No active funding programme.</translation>
    </message>
</context>
<context>
    <name>FundsTab</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_tabs.py" line="+19"/>
        <source>Fondo</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impegnato</source>
        <translation>Committed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speso</source>
        <translation>Spent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Residuo</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Utilizzo</source>
        <translation>Used</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Voucher</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nuovo fondo…</source>
        <translation>New fund…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modifica fondo…</source>
        <translation>Edit fund…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Residuo = budget − impegnato − speso. Il voucher impegna il fondo quando è approvato; alla rendicontazione la spesa passa da impegnata a spesa.</source>
        <translation>Remaining = budget − committed − spent. A voucher commits the fund when approved; on reporting, the expense moves from committed to spent.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fondi attivi: budget {budget}, impegnato {committed}, speso {spent}, residuo {left}.</source>
        <translation>Active funds: budget {budget}, committed {committed}, spent {spent}, remaining {left}.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Fondo creato.</source>
        <translation>Fund created.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fondo aggiornato.</source>
        <translation>Fund updated.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/guide.py" line="+31"/>
        <source>Guida di Sportello</source>
        <translation>Sportello Guide</translation>
    </message>
</context>
<context>
    <name>HireDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/offers.py" line="+104"/>
        <location line="+36"/>
        <source>Registra assunzione</source>
        <translation>Record hire</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>{worker} presso {employer}</source>
        <translation>{worker} at {employer}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data di assunzione</source>
        <translation>Hiring date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Contratto</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ore settimanali</source>
        <translation>Weekly hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gg/mm/aaaa, per i contratti a termine</source>
        <translation>dd/mm/yyyy, for fixed-term contracts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine contratto</source>
        <translation>Contract end</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qualifica</source>
        <translation>Job level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I percorsi di reinserimento aperti del lavoratore (GOL 1 e GOL 5) saranno chiusi con esito «ricollocato».</source>
        <translation>The worker&apos;s open reinsertion pathways (GOL 1 and GOL 5) will be closed with the outcome “placed”.</translation>
    </message>
</context>
<context>
    <name>HiresDialog</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/hires_dialog.py" line="+57"/>
        <source>Registra le assunzioni dell&apos;elenco</source>
        <translation>Record the hires on the list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lettura di {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Riga</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Datore di lavoro</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assunto il</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Prova senza scrivere</source>
        <translation>&amp;Try without writing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Registra le assunzioni</source>
        <translation>&amp;Record the hires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Chiudi</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+46"/>
        <source>Assunzioni</source>
        <translation>Hires</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Elenco delle assunzioni</source>
        <translation>List of hires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controllo di {name}…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>da registrare</source>
        <translation>to be recorded</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, chiude il percorso</source>
        <translation>, closes the pathway</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>già registrata</source>
        <translation>already recorded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>senza fascicolo</source>
        <translation>no file</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>L&apos;elenco ha errori: non si registra nulla finché non sono corretti (tutto o niente).</source>
        <translation>The list has errors: nothing is recorded until they are corrected (all or nothing).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Registrazione delle assunzioni…</source>
        <translation>Recording the hires…</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/history.py" line="+53"/>
        <source>N.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vertenza</source>
        <translation>Crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Righe</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nuovi</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aggiornati</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invariati</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errori</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cronologia delle importazioni ed esportazioni</source>
        <translation>History of imports and exports</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Selezionare un&apos;importazione per leggerne gli errori, gli avvisi e i conflitti.</source>
        <translation>Select an import to read its errors, warnings and conflicts.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nessuna importazione o esportazione finora.</source>
        <translation>No imports or exports so far.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;nnulla importazione…</source>
        <translation>U&amp;ndo import…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Toglie tutto ciò che l&apos;importazione selezionata ha scritto: i fascicoli creati e i dati aggiornati tornano com&apos;erano.</source>
        <translation>Removes everything the selected import wrote: the files it created and the data it updated go back to how they were.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;ggiorna</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cronologia</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importazione</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esportazione</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annullata</source>
        <translation>Undone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Completata</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Annullata il {when}.</source>
        <translation>Undone on {when}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nessun errore, avviso o conflitto.</source>
        <translation>No errors, warnings or conflicts.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <location line="+7"/>
        <location line="+10"/>
        <source>Annulla importazione</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Annullare per intero l&apos;importazione n. {id} ({file}, {when})?

Fascicoli creati, che saranno eliminati: {new}. Fascicoli aggiornati, che torneranno com&apos;erano: {updated}. Se qualcuno li ha modificati dopo l&apos;importazione, l&apos;annullamento è rifiutato e nulla cambia.</source>
        <translation>Undo import no. {id} ({file}, {when}) as a whole?

Files created, which will be deleted: {new}. Files updated, which will go back to how they were: {updated}. If someone changed them after the import, the undo is refused and nothing changes.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Annullamento dell&apos;importazione n. {id}…</source>
        <translation>Undoing import no. {id}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Importazione n. {id} annullata. Fascicoli eliminati: {deleted}; dati ripristinati: {restored}.</source>
        <translation>Import no. {id} undone. Files deleted: {deleted}; data restored: {restored}.</translation>
    </message>
</context>
<context>
    <name>ImagePreviewDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/documents_page.py" line="-380"/>
        <source>{n} pagine</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stampa…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportTables</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="+586"/>
        <location line="+30"/>
        <source>Riga</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+67"/>
        <source>Colonna</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+67"/>
        <source>Intestazione</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Errore</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avviso</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dato</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In Sportello</source>
        <translation>In Sportello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nel foglio</source>
        <translation>In the sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si tiene</source>
        <translation>Kept</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>il foglio</source>
        <translation>the sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sportello</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dato di Sportello</source>
        <translation>Sportello field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perché</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+8"/>
        <source>— non importata —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>intestazione simile ({percent}%): controllare</source>
        <translation>similar header ({percent}%): check it</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location line="-860"/>
        <source>Importa un elenco di lavoratori</source>
        <translation>Import a list of workers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Avanti &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Indietro</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fine</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Salva il rapporto degli errori</source>
        <translation>Save the error report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rapporto degli errori</source>
        <translation>Error report</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../src/sportello/gui/letters.py" line="-772"/>
        <source>Nuova lettera — {worker}</source>
        <translation>New letter — {worker}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Modello</source>
        <translation>&amp;Template</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Il testo della lettera; una riga vuota separa i paragrafi.</source>
        <translation>The text of the letter; an empty line separates paragraphs.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Appuntamento</source>
        <translation>&amp;Appointment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Percorso</source>
        <translation>&amp;Pathway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patto di &amp;servizio</source>
        <translation>&amp;Service pact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voucher</source>
        <translation>&amp;Voucher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Oggetto</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Testo</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Consegna</source>
        <translation>&amp;Delivery</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Anteprima</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La lettera come sarà stampata, senza numero di protocollo</source>
        <translation>The letter as it will print, without a protocol number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Emetti e stampa…</source>
        <translation>&amp;Issue and print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assegna il protocollo, archivia la lettera nel fascicolo e la apre per stampa</source>
        <translation>Assigns the protocol number, archives the letter in the file and opens it for printing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Quello più recente (predefinito)</source>
        <translation>The most recent (default)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> · Sportello Unico</source>
        <translation> · Sportello Unico</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Il prossimo allo Sportello Unico (predefinito)</source>
        <translation>The next one at the Sportello Unico (default)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Il prossimo prenotato (predefinito)</source>
        <translation>The next one booked (default)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Revisione {n} — {status}</source>
        <translation>Revision {n} — {status}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Non si può stampare: mancano
{list}</source>
        <translation>Cannot be printed: missing
{list}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Anteprima — {title}</source>
        <translation>Preview — {title}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lettera prot. {protocol}</source>
        <translation>Letter prot. {protocol}</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <location line="+20"/>
        <source>Nuova lettera…</source>
        <translation>New letter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convocazione, patto, voucher, invito, attestato, esito o lettera libera</source>
        <translation>Convocation, pact, voucher, invitation, certificate, outcome or free letter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apri / ristampa</source>
        <translation>Open / reprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apre la lettera archiviata, identica all&apos;originale, per stamparla o salvarla</source>
        <translation>Opens the archived letter, identical to the original, to print or save it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segna come inviata</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La lettera per e-mail o PEC è partita dalla casella dell&apos;ufficio</source>
        <translation>The e-mail or PEC letter has been sent from the office mailbox</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocollo</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modello</source>
        <translation>Template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oggetto</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emessa il</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consegna</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nessuna lettera per questo fascicolo.</source>
        <translation>No letter for this file.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Lettera prot. {protocol} segnata come inviata.</source>
        <translation>Letter prot. {protocol} marked as sent.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lettera emessa: protocollo {protocol}.</source>
        <translation>Letter issued: protocol {protocol}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bozza e-mail per {to} in {folder}: inviarla dalla posta dell&apos;ufficio, poi «Segna come inviata».</source>
        <translation>E-mail draft for {to} in {folder}: send it from the office mailbox, then “Mark as sent”.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Lettera prot. {protocol}</source>
        <translation>Letter prot. {protocol}</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../src/sportello/gui/session.py" line="+162"/>
        <source>Sportello — schermo bloccato</source>
        <translation>Sportello — screen locked</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schermo bloccato per inattività</source>
        <translation>Screen locked after inactivity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In uso da {name} ({username}). Per continuare, inserire la sua password.</source>
        <translation>In use by {name} ({username}). To continue, enter their password.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sblocca</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Cambia operatore…</source>
        <translation>&amp;Switch operator…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiude la sessione di questo operatore e torna all&apos;accesso</source>
        <translation>Ends this operator&apos;s session and returns to the sign-in</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/login.py" line="-89"/>
        <source>Sportello — accesso</source>
        <translation>Sportello — sign in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accesso a Sportello</source>
        <translation>Sign in to Sportello</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Nome utente</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Accedi</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ogni operatore entra con il proprio nome utente: le attività sono registrate a suo nome.</source>
        <translation>Each operator signs in with their own user name: activities are recorded in their name.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Indicare il nome utente.</source>
        <translation>Enter the user name.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/sportello/gui/main_window.py" line="+38"/>
        <source>Lavoratori</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percorsi</source>
        <translation>Pathways</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formazione</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sportello Unico</source>
        <translation>Business Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoraggio</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import/Export</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertenze</source>
        <translation>Crisis cases</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Apertura del database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Sportello — {office}</source>
        <translation>Sportello — {office}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cambia &amp;password…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Es&amp;ci dall&apos;account</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chiude la sessione e torna all&apos;accesso</source>
        <translation>Ends the session and returns to the sign-in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amministrazione…</source>
        <translation>A&amp;dministration…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operatori, regole di accesso, copie di sicurezza e privacy</source>
        <translation>Operators, sign-in rules, backups and privacy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Registro attività…</source>
        <translation>Activity &amp;log…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Impostazioni…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lettere</source>
        <translation>&amp;Letters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Convoca lavoratori…</source>
        <translation>&amp;Call workers in…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prenota una selezione nei posti liberi e stampa le convocazioni</source>
        <translation>Books a selection into free slots and prints the convocations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lettere per una &amp;selezione…</source>
        <translation>Letters for a &amp;selection…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Visualizza</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <source>&amp;Guida</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I percorsi di lavoro passo per passo, con le immagini</source>
        <translation>Step-by-step work procedures, with pictures</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Informazioni su Sportello</source>
        <translation>&amp;About Sportello</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Informazioni su &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Password cambiata.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&amp;Scadenze</source>
        <translation>&amp;Deadlines</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cerca lavoratore</source>
        <translation>Find worker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nuovo fascicolo</source>
        <translation>New file</translation>
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
        <location line="+5"/>
        <source>Database: {location}</source>
        <translation>Database: {location}</translation>
    </message>
    <message>
        <location line="+54"/>
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
    <name>MappingPage</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="+339"/>
        <source>Le colonne</source>
        <translation>The columns</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A quale dato di Sportello corrisponde ogni colonna del foglio. Le colonne in giallo sono associate per somiglianza: controllarle.</source>
        <translation>Which Sportello field each column of the sheet goes to. Columns in yellow were matched by similarity: check them.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Profilo:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Usa il profilo</source>
        <translation>&amp;Use the profile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salva come pro&amp;filo…</source>
        <translation>Save as pro&amp;file…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Colonna</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intestazione nel foglio</source>
        <translation>Header in the sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esempio</source>
        <translation>Example</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dato di Sportello</source>
        <translation>Sportello field</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>— proposta automatica —</source>
        <translation>— automatic proposal —</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>predefinito</source>
        <translation>built-in</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>salvato</source>
        <translation>saved</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>— non importare —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dato per la colonna {letter}</source>
        <translation>Field for column {letter}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Associata per somiglianza ({percent}%): controllare.</source>
        <translation>Matched by similarity ({percent}%): check it.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{mapped} colonne su {total} saranno importate.</source>
        <translation>{mapped} of {total} columns will be imported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Associazioni da controllare (in giallo): {n}.</source>
        <translation>Matches to check (in yellow): {n}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lettura scelta dai valori: {reading}</source>
        <translation>Reading chosen from the values: {reading}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colonna non importata: {column}</source>
        <translation>Column not imported: {column}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Il profilo «{profile}» non corrisponde alle intestazioni del foglio «{sheet}».</source>
        <translation>The profile “{profile}” does not match the headers of sheet “{sheet}”.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Salva come profilo</source>
        <translation>Save as profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nome del profilo (per riconoscere i prossimi fogli con queste colonne):</source>
        <translation>Profile name (to recognise the next sheets with these columns):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profilo «{name}» salvato.</source>
        <translation>Profile “{name}” saved.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="-142"/>
        <source>Aggiungi incontro</source>
        <translation>Add meeting</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fase: {stage}</source>
        <translation>Stage: {stage}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/sportello/gui/areas/vertenze.py" line="-67"/>
        <source>Incontro del tavolo</source>
        <translation>Table meeting</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Luogo</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presenti</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decisioni</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verbale</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documenti prodotti</source>
        <translation>Documents produced</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prossimo incontro</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="+1"/>
        <source>Salva incontro</source>
        <translation>Save meeting</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Indicare la data dell&apos;incontro.</source>
        <translation>Enter the date of the meeting.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/dialogs.py" line="+77"/>
        <source>Unisci fascicoli</source>
        <translation>Merge files</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quale fascicolo mantenere? Diario, patti, percorsi, appuntamenti, voucher e lettere dell&apos;altro passano a quello mantenuto, i suoi campi vuoti vengono completati con i dati dell&apos;altro, e l&apos;altro fascicolo viene eliminato.</source>
        <translation>Which file should be kept? The other file&apos;s diary, pacts, pathways, appointments, vouchers and letters move to the one kept, its empty fields are filled from the other, and the other file is deleted.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{surname} {name} — {cf} — nato/a il {birth} — {status}</source>
        <translation>{surname} {name} — {cf} — born {birth} — {status}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Continua…</source>
        <translation>Continue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MonitoringArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/monitoring.py" line="+78"/>
        <source>Monitoraggio</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le cifre per il tavolo di crisi, per vertenza o per tutti i fascicoli: a una data e a confronto con la riunione precedente. Un clic su una cifra mostra le persone che ci sono dietro.</source>
        <translation>The figures for the crisis table, by crisis case or for all files: at a date and compared with the previous meeting. Clicking a figure shows the people behind it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+119"/>
        <source>Tutte le vertenze</source>
        <translation>All crisis cases</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Aggiorna</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esporta Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stampa rapporto…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vertenza</source>
        <translation>Crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>al</source>
        <translation>at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confronta con il</source>
        <translation>Compare with</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+142"/>
        <source>Cifra</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Fare clic su una cifra per vedere le persone.</source>
        <translation>Click a figure to see the people.</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+5"/>
        <source>Apri fascicolo</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cifre</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Persone a fine mese, negli ultimi 12 mesi.</source>
        <translation>People at month end, over the last 12 months.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Andamento</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>La data «al» non è valida: usare gg/mm/aaaa.</source>
        <translation>The “at” date is not valid: use dd/mm/yyyy.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>La data «Confronta con il» non è valida: usare gg/mm/aaaa.</source>
        <translation>The “Compare with” date is not valid: use dd/mm/yyyy.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Calcolo delle cifre in corso…</source>
        <translation>Calculating the figures…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Diff.</source>
        <translation>Diff.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alla data di confronto (la riunione precedente)</source>
        <translation>At the comparison date (the previous meeting)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla data delle cifre</source>
        <translation>At the date of the figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differenza tra le due date</source>
        <translation>Difference between the two dates</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nessun elenco di persone dietro questa cifra.</source>
        <translation>No list of people behind this figure.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Lettura di «{figure}»…</source>
        <translation>Reading “{figure}”…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{figure} al {date}: {count} persone</source>
        <translation>{figure} at {date}: {count} people</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Persone</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Esporta il monitoraggio</source>
        <translation>Export the monitoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cartella di lavoro salvata: {path}</source>
        <translation>Workbook saved: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rapporto di monitoraggio</source>
        <translation>Monitoring report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documento PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapporto salvato: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>NewPathwayDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/pathway_dialogs.py" line="-69"/>
        <source>Nuovo percorso</source>
        <translation>New pathway</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Percorso</source>
        <translation>Pathway</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stato iniziale</source>
        <translation>Initial status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avvio</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avvia percorso</source>
        <translation>Start pathway</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scegliere il lavoratore.</source>
        <translation>Choose the worker.</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="-48"/>
        <source>Nuovo progetto d&apos;impresa</source>
        <translation>New business project</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L&apos;idea in poche parole, es. «Bar-caffetteria»</source>
        <translation>The idea in a few words, e.g. “Coffee bar”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idea d&apos;impresa</source>
        <translation>Business idea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Descrizione</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avvia progetto</source>
        <translation>Start project</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scegliere il lavoratore.</source>
        <translation>Choose the worker.</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/offers.py" line="-115"/>
        <source>Nuova offerta di lavoro</source>
        <translation>New job offer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Azienda</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mansione</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contratto</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qualsiasi</source>
        <translation>Any</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifica</source>
        <translation>Job level</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prov.</source>
        <translation>Prov.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sede di lavoro</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>es. 40</source>
        <translation>e.g. 40</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ore settimanali</source>
        <translation>Weekly hours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posti</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>gg/mm/aaaa (facoltativa)</source>
        <translation>dd/mm/yyyy (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scadenza</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Competenze richieste, separate da virgole</source>
        <translation>Skills required, separated by commas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competenze</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requisiti</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pubblica offerta</source>
        <translation>Publish offer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Creare prima l&apos;azienda.</source>
        <translation>Create the employer first.</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location line="+108"/>
        <source>Tutte le offerte</source>
        <translation>All offers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nuova azienda…</source>
        <translation>New employer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nuova offerta…</source>
        <translation>New offer…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mansione</source>
        <translation>Job</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azienda</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sede</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contratto</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ore</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assunti</source>
        <translation>Hired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidature</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scadenza</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Candidati suggeriti</source>
        <translation>Suggested candidates</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Punti</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perché</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Proponi</source>
        <translation>Propose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Candida il lavoratore selezionato all&apos;offerta</source>
        <translation>Put the selected worker forward for the offer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Candidature all&apos;offerta</source>
        <translation>Applications to the offer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Avanza</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registra assunzione…</source>
        <translation>Record hire…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>già candidato</source>
        <translation>already applied</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tutte le aziende</source>
        <translation>All employers</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Selezionare un&apos;offerta per vedere i candidati e le candidature.</source>
        <translation>Select an offer to see its candidates and applications.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pubblicata il {date}</source>
        <translation>Published on {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>qualifica: {q}</source>
        <translation>level: {q}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>competenze: {skills}</source>
        <translation>skills: {skills}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Offerta non più aperta.</source>
        <translation>The offer is no longer open.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ricerca dei candidati…</source>
        <translation>Looking for candidates…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n candidati suggeriti</source>
        <translation>
            <numerusform>%n suggested candidate</numerusform>
            <numerusform>%n suggested candidates</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun candidato adatto tra i fascicoli aperti.</source>
        <translation>No suitable candidate among the open files.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Azienda registrata.</source>
        <translation>Employer recorded.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Offerta pubblicata.</source>
        <translation>Offer published.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{worker} proposto per «{role}».</source>
        <translation>{worker} put forward for “{role}”.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Candidatura di {worker}: {status}.</source>
        <translation>Application of {worker}: {status}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Assunzione registrata: {worker}. I percorsi di reinserimento aperti sono chiusi come «ricollocato».</source>
        <translation>Hire recorded: {worker}. The open reinsertion pathways are closed as “placed”.</translation>
    </message>
</context>
<context>
    <name>OfficeHoursSettings</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/settings.py" line="+154"/>
        <source>Lunedì</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Martedì</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mercoledì</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giovedì</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venerdì</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sabato</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domenica</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Gli orari in cui l&apos;ufficio riceve, per giorno: uno o più intervalli separati da virgola (es. 09:00-12:30, 14:30-16:30); vuoto se chiuso. Le prenotazioni, i posti liberi e le convocazioni li rispettano. Li modifica un responsabile.</source>
        <translation>The hours when the office receives the public, by day: one or more ranges separated by commas (e.g. 09:00-12:30, 14:30-16:30); empty if closed. Bookings, free slots and convocations respect them. A team leader changes them.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>chiuso</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> minuti</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durata di un appuntamento</source>
        <translation>Length of an appointment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Salva l&apos;orario</source>
        <translation>Save the hours</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Orario salvato: le prossime prenotazioni lo rispetteranno.</source>
        <translation>Hours saved: the next bookings will respect them.</translation>
    </message>
</context>
<context>
    <name>OfficeSettings</name>
    <message>
        <location line="-153"/>
        <source>Nome dell&apos;ufficio</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAP</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provincia (sigla)</source>
        <translation>Province (code)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEC</source>
        <translation>Certified e-mail (PEC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmatario delle lettere</source>
        <translation>Letters signed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ruolo del firmatario</source>
        <translation>Signatory&apos;s role</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Intestazione, recapiti e firma che compaiono sulle lettere. Solo un amministratore li modifica.</source>
        <translation>Letterhead, contacts and signature printed on the letters. Only an administrator changes them.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>es. Responsabile del Centro</source>
        <translation>e.g. Head of the Centre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scegli logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Togli logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Salva i dati dell&apos;ufficio</source>
        <translation>Save the office details</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Logo presente</source>
        <translation>Logo set</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun logo: l&apos;intestazione è solo testo</source>
        <translation>No logo: the letterhead is text only</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dati dell&apos;ufficio salvati: le prossime lettere li useranno.</source>
        <translation>Office details saved: the next letters will use them.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logo dell&apos;ufficio</source>
        <translation>Office logo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Immagini (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Impossibile leggere «{path}»: {error}</source>
        <translation>Cannot read “{path}”: {error}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Logo salvato.</source>
        <translation>Logo saved.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logo tolto.</source>
        <translation>Logo removed.</translation>
    </message>
</context>
<context>
    <name>OpenBusinessDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="-79"/>
        <source>Apri impresa</source>
        <translation>Open business</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{title} — {worker}</source>
        <translation>{title} — {worker}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Forma giuridica</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Codice ATECO 2025</source>
        <translation>ATECO 2025 code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>11 cifre</source>
        <translation>11 digits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partita IVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data di apertura</source>
        <translation>Opening date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Denominazione</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comune della sede</source>
        <translation>Municipality of the premises</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Con l&apos;apertura il progetto passa ad «Avvio impresa»; il percorso di autoimpiego (registrato ora, se manca) e i percorsi di reinserimento aperti (GOL 1, GOL 5) si chiudono con esito «autoimpiego».</source>
        <translation>With the opening the project moves to “Business start-up”; the self-employment pathway (recorded now, if missing) and the open reinsertion pathways (GOL 1, GOL 5) are closed with the outcome “self-employment”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registra apertura</source>
        <translation>Record opening</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../src/sportello/gui/admin/operators_tab.py" line="+58"/>
        <source>Modifica operatore</source>
        <translation>Edit operator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nuovo operatore</source>
        <translation>New operator</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Nome utente</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nome e &amp;cognome</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ruolo</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Password provvisoria</source>
        <translation>Temporary &amp;password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ripe&amp;ti la password</source>
        <translation>Repea&amp;t the password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Al primo accesso l&apos;operatore dovrà scegliere una password sua.</source>
        <translation>At the first sign-in the operator will have to choose their own password.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account &amp;attivo</source>
        <translation>Account &amp;active</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le due password non coincidono.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>OperatorSession</name>
    <message>
        <location filename="../../src/sportello/gui/session.py" line="+133"/>
        <source>Cambia operatore</source>
        <translation>Switch operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiudere la sessione di {name}? Le finestre aperte saranno chiuse; se ci sono modifiche non salvate, Sportello chiederà cosa farne.</source>
        <translation>End the session of {name}? Open windows will be closed; if there are unsaved changes, Sportello will ask what to do with them.</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+36"/>
        <source>Sportello</source>
        <translation>Sportello</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Copia di sicurezza automatica in corso…</source>
        <translation>Automatic backup in progress…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copia di sicurezza</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La copia di sicurezza automatica non è riuscita:
{message}

I dati sono nel database; fare una copia manuale al prossimo avvio (File → Amministrazione).</source>
        <translation>The automatic backup failed:
{message}

The data is in the database; make a manual backup at the next start (File → Administration).</translation>
    </message>
</context>
<context>
    <name>OperatorsTab</name>
    <message>
        <location filename="../../src/sportello/gui/admin/operators_tab.py" line="-70"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsabile</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amministratore</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Gli operatori dell&apos;ufficio. Solo un amministratore li crea, li modifica, reimposta le password e sblocca gli account.</source>
        <translation>The office&apos;s operators. Only an administrator creates and edits them, resets passwords and unlocks accounts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nome utente</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nome e cognome</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ruolo</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sì</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bloccato fino a</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ultimo accesso</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Nuovo…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Modifica…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reimposta pass&amp;word…</source>
        <translation>Reset pass&amp;word…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;blocca</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Operatore {name} ({username}) creato.</source>
        <translation>Operator {name} ({username}) created.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operatore {name} aggiornato.</source>
        <translation>Operator {name} updated.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password di {name} reimpostata: comunicarla di persona.</source>
        <translation>Password of {name} reset: tell it to them in person.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Account di {name} sbloccato.</source>
        <translation>Account of {name} unlocked.</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../src/sportello/gui/kit/inputs.py" line="+245"/>
        <source>gg/mm/aaaa</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scegli dal calendario</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>PactDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/pact_page.py" line="+47"/>
        <source>Nuovo patto di servizio — {worker}</source>
        <translation>New service pact — {worker}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modifica bozza del patto — {worker}</source>
        <translation>Edit draft pact — {worker}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revisione del patto di servizio — {worker}</source>
        <translation>Service pact revision — {worker}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>La nuova revisione parte dal patto in vigore (revisione {n}), che resta in vigore finché la nuova non è firmata.</source>
        <translation>The new revision starts from the pact in force (revision {n}), which stays in force until the new one is signed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Un impegno per riga, es.
partecipare al corso di aggiornamento
cercare attivamente lavoro e riferirne ai colloqui</source>
        <translation>One commitment per line, e.g.
attend the refresher course
look actively for work and report on it at the interviews</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Impegni del lavoratore</source>
        <translation>Worker&apos;s &amp;commitments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— nessuno —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Percorso GOL</source>
        <translation>GOL &amp;pathway</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verifica il</source>
        <translation>&amp;Review on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Note</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crea bozza</source>
        <translation>Create draft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Salva bozza</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crea revisione</source>
        <translation>Create revision</translation>
    </message>
</context>
<context>
    <name>PactsPage</name>
    <message>
        <location line="+70"/>
        <source>&amp;Nuovo patto…</source>
        <translation>&amp;New pact…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redige il patto di servizio: impegni, percorso, data di verifica</source>
        <translation>Drafts the service pact: commitments, pathway, review date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>M&amp;odifica…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modifica la bozza selezionata (un patto firmato si revisiona)</source>
        <translation>Edits the selected draft (a signed pact is revised)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revisiona…</source>
        <translation>Revise…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepara una nuova versione del patto in vigore; quella in vigore resta finché la nuova non è firmata</source>
        <translation>Prepares a new version of the pact in force; the one in force stays until the new one is signed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segna come &amp;firmato…</source>
        <translation>Mark as si&amp;gned…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra la data in cui il lavoratore ha firmato la bozza selezionata</source>
        <translation>Records the date on which the worker signed the selected draft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;tampa…</source>
        <translation>Prin&amp;t…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La lettera del patto per la revisione selezionata: anteprima, oppure emissione con protocollo e stampa</source>
        <translation>The pact letter for the selected revision: preview, or issue with protocol number and print</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revisione</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmato il</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percorso GOL</source>
        <translation>GOL pathway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifica il</source>
        <translation>Review on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impegni</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nessun patto di servizio per questo fascicolo: «Nuovo patto…» per redigerlo.</source>
        <translation>No service pact for this file: “New pact…” to draft it.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Bozza del patto creata: stamparla per la firma, poi «Segna come firmato».</source>
        <translation>Draft pact created: print it for signing, then “Mark as signed”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bozza del patto salvata.</source>
        <translation>Draft pact saved.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nuova revisione in bozza; la revisione {n} resta in vigore finché questa non è firmata.</source>
        <translation>New revision in draft; revision {n} stays in force until this one is signed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patto firmato: la revisione {n} è ora in vigore.</source>
        <translation>Pact signed: revision {n} is now in force.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patto emesso: protocollo {protocol}.</source>
        <translation>Pact issued: protocol {protocol}.</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../src/sportello/gui/areas/vertenze.py" line="-69"/>
        <source>Parte al tavolo</source>
        <translation>Party at the table</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referente e recapito</source>
        <translation>Contact person and details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salva parte</source>
        <translation>Save party</translation>
    </message>
</context>
<context>
    <name>PathwaysArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/pathways.py" line="+27"/>
        <location line="+11"/>
        <source>Percorsi</source>
        <translation>Pathways</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>I percorsi GOL e di autoimpiego di tutti i lavoratori, con i loro esiti; le offerte di lavoro con i candidati, le candidature e le assunzioni.</source>
        <translation>The GOL and self-employment pathways of all workers, with their outcomes; job offers with their candidates, applications and hires.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Offerte di lavoro</source>
        <translation>Job offers</translation>
    </message>
</context>
<context>
    <name>PathwaysPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/path_pages.py" line="+77"/>
        <source>Nuovo percorso…</source>
        <translation>New pathway…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mette il lavoratore su un percorso GOL o di autoimpiego</source>
        <translation>Puts the worker on a GOL or self-employment pathway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chiudi percorso…</source>
        <translation>Close pathway…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiude il percorso selezionato con il suo esito</source>
        <translation>Closes the selected pathway with its outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiudi fascicolo…</source>
        <translation>Close file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiude il fascicolo con un esito; i percorsi aperti si chiudono con esso</source>
        <translation>Closes the file with an outcome; open pathways close with it</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Percorso</source>
        <translation>Pathway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inizio</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nessun percorso per questo fascicolo.</source>
        <translation>No pathway for this file.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Percorso avviato: {kind}.</source>
        <translation>Pathway started: {kind}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Percorso chiuso.</source>
        <translation>Pathway closed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fascicolo chiuso; percorsi chiusi con esso: {n}.</source>
        <translation>File closed; pathways closed with it: {n}.</translation>
    </message>
</context>
<context>
    <name>PathwaysTab</name>
    <message>
        <location filename="../../src/sportello/gui/paths/pathways_tab.py" line="+56"/>
        <source>Cerca lavoratore (nome, codice fiscale…)</source>
        <translation>Search worker (name, tax code…)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutti i percorsi</source>
        <translation>All pathways</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tutti gli stati</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aperti (proposti, attivi, sospesi)</source>
        <translation>Open (proposed, active, suspended)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tutte le vertenze</source>
        <translation>All crisis cases</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Percorso</source>
        <translation>Pathway</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Avvio</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fine</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vertenza</source>
        <translation>Crisis case</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nuovo percorso…</source>
        <translation>New pathway…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sospendi</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+120"/>
        <source>Riprendi</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Chiudi percorso…</source>
        <translation>Close pathway…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiudi fascicolo…</source>
        <translation>Close file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiude il fascicolo del lavoratore e tutti i suoi percorsi aperti</source>
        <translation>Closes the worker&apos;s file and all their open pathways</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apri fascicolo</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>1 percorso</source>
        <translation>1 pathway</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} percorsi</source>
        <translation>{n} pathways</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun percorso.</source>
        <translation>No pathways.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attiva</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selezionare un percorso per sospenderlo, riprenderlo o chiuderlo con il suo esito.</source>
        <translation>Select a pathway to suspend it, resume it or close it with its outcome.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dal {date}</source>
        <translation>from {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>al {date}</source>
        <translation>to {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>esito: {outcome}</source>
        <translation>outcome: {outcome}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>fascicolo chiuso</source>
        <translation>file closed</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Percorso avviato: {kind}.</source>
        <translation>Pathway started: {kind}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Percorso sospeso.</source>
        <translation>Pathway suspended.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percorso attivo.</source>
        <translation>Pathway active.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Percorso chiuso con esito «{outcome}».</source>
        <translation>Pathway closed with the outcome “{outcome}”.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Fascicolo chiuso: chiuso anche 1 percorso aperto.</source>
        <translation>File closed: 1 open pathway closed too.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fascicolo chiuso: chiusi anche {n} percorsi aperti.</source>
        <translation>File closed: {n} open pathways closed too.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fascicolo chiuso (nessun percorso aperto).</source>
        <translation>File closed (no open pathways).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>La scheda del fascicolo non è disponibile.</source>
        <translation>The worker&apos;s file window is not available.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/pdf_preview.py" line="+106"/>
        <source>Riduci (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ingrandisci (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stampa…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stampa con la finestra di stampa del sistema (Ctrl+P)</source>
        <translation>Print with the system print dialog (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salva PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salva una copia del PDF (Ctrl+S)</source>
        <translation>Save a copy of the PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{pages} pagine · zoom {zoom}%</source>
        <translation>{pages} pages · zoom {zoom}%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 pagina · zoom {zoom}%</source>
        <translation>1 page · zoom {zoom}%</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+6"/>
        <location line="+37"/>
        <location line="+13"/>
        <location line="+14"/>
        <location line="+29"/>
        <source>Stampa</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Le pagine scelte non sono nel documento (pagine 1–{last}).</source>
        <translation>The chosen pages are not in the document (pages 1–{last}).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Impossibile preparare la stampa: {error}</source>
        <translation>Cannot prepare for printing: {error}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>La stampante «{printer}» non ha accettato il documento: {error}</source>
        <translation>The printer “{printer}” did not accept the document: {error}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Stampa in corso…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>La stampante non è disponibile: controllare che sia accesa e collegata.</source>
        <translation>The printer is not available: check that it is on and connected.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+9"/>
        <source>Salva PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Documenti PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+95"/>
        <source>Impossibile salvare «{path}»: {error}</source>
        <translation>Cannot save “{path}”: {error}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="+247"/>
        <source>Anteprima: che cosa succederà</source>
        <translation>Preview: what will happen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ogni riga è stata controllata e confrontata con i fascicoli: finora non è stato scritto nulla.</source>
        <translation>Every row was checked and compared with the files: nothing has been written so far.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Righe con dati</source>
        <translation>Rows with data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nuovi fascicoli</source>
        <translation>New files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aggiornati</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invariati</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Righe con errori</source>
        <translation>Rows with errors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avvisi</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Conflitti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>&amp;Conserva nei fascicoli le colonne non importate, come dati aggiuntivi (altrimenti sono ignorate)</source>
        <translation>&amp;Keep the columns not imported in the files, as additional data (otherwise they are ignored)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Usa il valore del fo&amp;glio</source>
        <translation>Use the &amp;sheet value</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nei conflitti selezionati il valore del foglio sostituisce quello di Sportello</source>
        <translation>In the selected conflicts the sheet&apos;s value replaces Sportello&apos;s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mantieni il valore di Sportello</source>
        <translation>Keep the S&amp;portello value</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Errori e avvisi</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colonne</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Salva il &amp;rapporto degli errori…</source>
        <translation>Save the error &amp;report…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prova senza scrivere</source>
        <translation>&amp;Try without writing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importa solo le righe &amp;valide</source>
        <translation>Import only the &amp;valid rows</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importa &amp;tutto</source>
        <translation>Import &amp;all</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Conflitti: {kept} con il valore di Sportello, {taken} con il valore del foglio.</source>
        <translation>Conflicts: {kept} with Sportello&apos;s value, {taken} with the sheet&apos;s value.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Controllo delle righe in corso…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anteprima dell&apos;importazione</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Controllo delle righe di {name}…</source>
        <translation>Checking the rows of {name}…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Errori e avvisi ({n})</source>
        <translation>Errors and warnings ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflitti ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colonne (non importate: {n})</source>
        <translation>Columns (not imported: {n})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Righe con errori: {n}. «Importa tutto» non scrive nulla finché non sono corrette; «Importa solo le righe valide» importa le altre.</source>
        <translation>Rows with errors: {n}. “Import all” writes nothing until they are corrected; “Import only the valid rows” imports the others.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nessun errore: tutte le righe possono essere importate.</source>
        <translation>No errors: every row can be imported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nei conflitti resta il valore modificato in Sportello, salvo dove si sceglie «Usa il valore del foglio» (scheda «Conflitti»).</source>
        <translation>In conflicts the value changed in Sportello stays, except where you choose “Use the sheet value” (“Conflicts” tab).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Righe ripetute (stesso codice fiscale) unite: {n}.</source>
        <translation>Repeated rows (same tax code) merged: {n}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Colonne lette in base ai valori: {columns}.</source>
        <translation>Columns read by their values: {columns}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Colonne non importate: {columns} (il motivo nella scheda «Colonne»).</source>
        <translation>Columns not imported: {columns} (the reason is in the “Columns” tab).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conservate nei fascicoli come dati aggiuntivi: {columns}.</source>
        <translation>Kept in the files as additional data: {columns}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le colonne non importate sono ignorate.</source>
        <translation>Columns not imported are ignored.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tutte le colonne del foglio sono importate.</source>
        <translation>Every column of the sheet is imported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nota: la riga {row} {why}</source>
        <translation>Note: row {row} {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attenzione: questo stesso file è già stato importato (importazione n. {id}, {when}).</source>
        <translation>Note: this same file has already been imported (import no. {id}, {when}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rapporto degli errori salvato in {path}.</source>
        <translation>Error report saved to {path}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prova dell&apos;importazione…</source>
        <translation>Trying the import…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importazione di {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Importazione</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Prova riuscita, nessun dato scritto. Nuovi fascicoli: {new}; aggiornati: {updated}; invariati: {unchanged}; righe scartate per errori: {errors}.</source>
        <translation>Trial succeeded, no data written. New files: {new}; updated: {updated}; unchanged: {unchanged}; rows left out for errors: {errors}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prova senza scrivere</source>
        <translation>Try without writing</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <location filename="../../src/sportello/gui/admin/privacy_tab.py" line="+25"/>
        <source>Conservazione limitata (GDPR art. 5): i fascicoli chiusi da più del periodo indicato si possono anonimizzare. Solo un amministratore cambia il periodo e anonimizza.</source>
        <translation>Storage limitation (GDPR art. 5): files closed for longer than this period can be anonymised. Only an administrator changes the period and anonymises.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> giorni</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Salva</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Periodo di conservazione dopo la chiusura</source>
        <translation>Retention &amp;period after closing</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Anonimizza i fascicoli chiusi…</source>
        <translation>&amp;Anonymise closed files…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Richiesta di accesso (GDPR art. 15): tutto ciò che il database contiene su una persona, in un foglio Excel e in un PDF (anche dalla scheda del fascicolo).</source>
        <translation>Access request (GDPR art. 15): everything the database holds about a person, in an Excel sheet and a PDF (also from the worker&apos;s file).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>codice fiscale</source>
        <translation>tax code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Richiesta di accesso (GDPR)…</source>
        <translation>Access &amp;request (GDPR)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Codice fiscale</source>
        <translation>&amp;Tax code</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Periodo di conservazione salvato.</source>
        <translation>Retention period saved.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Indicare il codice fiscale della persona.</source>
        <translation>Enter the person&apos;s tax code.</translation>
    </message>
</context>
<context>
    <name>ProgrammeSettings</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/settings.py" line="+124"/>
        <source>I programmi tra cui scegliere nelle richieste di finanziamento dei progetti d&apos;impresa. Un programma ritirato non si propone più; le richieste già fatte lo conservano.</source>
        <translation>The programmes to choose from in the funding requests of business projects. A retired programme is no longer offered; requests already made keep it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>Descrizione</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ritirato</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Richieste</source>
        <translation>Requests</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+37"/>
        <source>Ritira</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>es. Microcredito regionale</source>
        <translation>e.g. Regional microcredit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aggiungi programma</source>
        <translation>Add programme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nuovo programma</source>
        <translation>New programme</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Riattiva</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Programma «{name}» aggiunto.</source>
        <translation>Programme “{name}” added.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Programma «{name}» riattivato.</source>
        <translation>Programme “{name}” reactivated.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programma «{name}» ritirato: non sarà più proposto.</source>
        <translation>Programme “{name}” retired: it will no longer be offered.</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="-250"/>
        <source>Modifica ente</source>
        <translation>Edit provider</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nuovo ente di formazione</source>
        <translation>New training provider</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Denominazione</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partita IVA o codice fiscale</source>
        <translation>VAT number or tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provincia</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice di accreditamento</source>
        <translation>Accreditation code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accreditato fino al</source>
        <translation>Accredited until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referente</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Salva ente</source>
        <translation>Save provider</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_tabs.py" line="+388"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Frequenza</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attestato</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>{title} — {provider} ({start})</source>
        <translation>{title} — {provider} ({start})</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{hours} ore</source>
        <translation>{hours} hours</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>&amp;Corso</source>
        <translation>&amp;Course</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Spuntare chi era presente (tutta la lezione). L&apos;attestato spetta con la frequenza minima del corso, a corso finito e voucher concluso.</source>
        <translation>Tick who was present (for the whole lesson). The certificate is due with the course&apos;s minimum attendance, once the course has ended and the voucher is concluded.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Salva presenze</source>
        <translation>&amp;Save attendance</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{day}
{hours} ore</source>
        <translation>{day}
{hours} hours</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{worker}, lezione del {day}</source>
        <translation>{worker}, lesson of {day}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{pct} (min. {min}%)</source>
        <translation>{pct} (min. {min}%)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nessuna lezione in calendario per questo corso.</source>
        <translation>No lessons scheduled for this course.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun voucher approvato su questo corso.</source>
        <translation>No approved vouchers on this course.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{people} iscritti · {lessons} lezioni</source>
        <translation>{people} enrolled · {lessons} lessons</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Presenze salvate: 1 casella.</source>
        <translation>Attendance saved: 1 tick box.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenze salvate: {n} caselle.</source>
        <translation>Attendance saved: {n} tick boxes.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>sì</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sì, a voucher concluso</source>
        <translation>yes, once the voucher is concluded</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <location filename="../../src/sportello/gui/agenda/reminders.py" line="+40"/>
        <source>Promemoria degli appuntamenti</source>
        <translation>Appointment reminders</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chi ha un appuntamento, con il numero da chiamare e l&apos;e-mail. Le e-mail sono bozze da inviare dalla posta dell&apos;ufficio; il CSV è per un servizio di SMS.</source>
        <translation>Who has an appointment, with the number to call and the e-mail. The e-mails are drafts to send from the office mailbox; the CSV is for an SMS service.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Giorno</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cartella dei file</source>
        <translation>Files &amp;folder</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modalità</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avvisato</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Foglio chiamate (PDF)</source>
        <translation>Call sheet (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foglio Excel</source>
        <translation>Excel sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail (.eml)</source>
        <translation>E-mail (.eml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV per SMS</source>
        <translation>CSV for SMS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segna come avvisati</source>
        <translation>Mark as notified</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scrivere il giorno degli appuntamenti.</source>
        <translation>Type the day of the appointments.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{n} appuntamenti segnati come avvisati.</source>
        <translation>{n} appointments marked as notified.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Foglio delle chiamate: {path}</source>
        <translation>Call sheet: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} promemoria e-mail in {folder}</source>
        <translation>{n} e-mail reminders in {folder}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} SMS in {path} ({skipped} senza un cellulare valido)</source>
        <translation>{n} SMS in {path} ({skipped} without a valid mobile)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../src/sportello/gui/admin/operators_tab.py" line="-129"/>
        <source>Reimposta password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password provvisoria per {name} ({username}): al prossimo accesso dovrà sceglierne una nuova. L&apos;eventuale blocco dell&apos;account viene tolto.</source>
        <translation>Temporary password for {name} ({username}): at the next sign-in they will have to choose a new one. Any account lock is lifted.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Password provvisoria</source>
        <translation>Temporary &amp;password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ripe&amp;ti la password</source>
        <translation>Repea&amp;t the password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reimposta</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Le due password non coincidono.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="+26"/>
        <source>Importazione completata</source>
        <translation>Import completed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I dati sono stati scritti. Le righe con errori si possono rimandare a chi ha compilato il foglio con il rapporto degli errori.</source>
        <translation>The data has been written. The rows with errors can be sent back to whoever filled in the sheet with the error report.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nuovi fascicoli</source>
        <translation>New files</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aggiornati</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invariati</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Righe scartate</source>
        <translation>Rows left out</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Conflitti</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Righe scartate e avvisi</source>
        <translation>Rows left out and warnings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Salva il &amp;rapporto degli errori…</source>
        <translation>Save the error &amp;report…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apri il fascicolo</source>
        <translation>&amp;Open the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apre il fascicolo del conflitto selezionato</source>
        <translation>Opens the file of the selected conflict</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Importazione n. {id} di {name} completata.</source>
        <translation>Import no. {id} of {name} completed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I lavoratori sono collegati alla vertenza «{code}».</source>
        <translation>The workers are linked to the crisis case “{code}”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Le righe con errori non sono state importate.</source>
        <translation>The rows with errors were not imported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L&apos;importazione si può annullare per intero dalla cronologia dell&apos;area Import/Export.</source>
        <translation>The import can be undone as a whole from the history in the Import/Export area.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Righe scartate e avvisi ({n})</source>
        <translation>Rows left out and warnings ({n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflitti ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rapporto degli errori salvato in {path}.</source>
        <translation>Error report saved to {path}.</translation>
    </message>
</context>
<context>
    <name>SciaDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/business_dialogs.py" line="+117"/>
        <source>Nuova SCIA al SUAP</source>
        <translation>New SCIA at the SUAP</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Presentata il</source>
        <translation>Filed on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SUAP del comune</source>
        <translation>SUAP of the municipality</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Numero di pratica</source>
        <translation>Filing number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra SCIA</source>
        <translation>Record SCIA</translation>
    </message>
</context>
<context>
    <name>SciaOutcomeDialog</name>
    <message>
        <location line="+15"/>
        <source>Esito della SCIA</source>
        <translation>SCIA outcome</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data dell&apos;esito</source>
        <translation>Outcome date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra esito</source>
        <translation>Record outcome</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <location filename="../../src/sportello/gui/admin/security_tab.py" line="+30"/>
        <source>Regole di accesso valide per tutti gli operatori. Solo un amministratore le cambia; il nuovo blocco per inattività vale dal prossimo accesso.</source>
        <translation>Sign-in rules for all operators. Only an administrator changes them; a new inactivity lock applies from the next sign-in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>mai</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blocco dello schermo dopo &amp;inattività di</source>
        <translation>Lock the screen after &amp;inactivity of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tentativi falliti prima del blocco</source>
        <translation>&amp;Failed attempts before the lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Durata del blocco dell&apos;account</source>
        <translation>Account lock &amp;duration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attesa dopo il primo errore (raddoppia a ogni errore)</source>
        <translation>&amp;Wait after the first error (doubles at each error)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attesa &amp;massima</source>
        <translation>&amp;Maximum wait</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Salva le regole</source>
        <translation>&amp;Save the rules</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Regole di accesso salvate.</source>
        <translation>Sign-in rules saved.</translation>
    </message>
</context>
<context>
    <name>SelectionForm</name>
    <message>
        <location filename="../../src/sportello/gui/letters.py" line="+20"/>
        <source>Tutte le vertenze</source>
        <translation>All crisis cases</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tutti</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aperti</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sospesi</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chiusi</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Solo chi è senza appuntamento</source>
        <translation>Only people without an appointment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Esclude chi ha un appuntamento futuro e chi si è già presentato a un colloquio; chi era assente va convocato di nuovo.</source>
        <translation>Leaves out people with a future appointment and people who have already attended an interview; people who were absent need calling in again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Vertenza</source>
        <translation>&amp;Crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fascicoli</source>
        <translation>F&amp;iles</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nessun lavoratore scelto.</source>
        <translation>No worker chosen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 lavoratore scelto.</source>
        <translation>1 worker chosen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} lavoratori scelti.</source>
        <translation>{n} workers chosen.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="+115"/>
        <location line="+31"/>
        <source>Aggiungi lezione</source>
        <translation>Add lesson</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>{title}: {scheduled} ore in calendario su {hours}</source>
        <translation>{title}: {scheduled} hours scheduled of {hours}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Giorno</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ora di inizio</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ore</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Argomento</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/settings.py" line="+14"/>
        <source>Impostazioni</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Ufficio e lettere</source>
        <translation>&amp;Office and letters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Orari e appuntamenti</source>
        <translation>&amp;Hours and appointments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voucher</source>
        <translation>&amp;Vouchers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Programmi di finanziamento</source>
        <translation>&amp;Funding programmes</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="-991"/>
        <source>Foglio e riga di intestazione</source>
        <translation>Sheet and header row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>La riga evidenziata è quella dei titoli delle colonne. Se non è giusta, indicare un&apos;altra riga o fare clic sulla riga giusta.</source>
        <translation>The highlighted row holds the column titles. If it is wrong, enter another row or click the right one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F&amp;oglio:</source>
        <translation>S&amp;heet:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Riga di intestazione:</source>
        <translation>Header &amp;row:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{name} ({rows} righe)</source>
        <translation>{name} ({rows} rows)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(nascosto)</source>
        <translation>(hidden)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Intestazione trovata automaticamente nella riga {row}.</source>
        <translation>Header found automatically in row {row}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Questo foglio è vuoto.</source>
        <translation>This sheet is empty.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Non trovo l&apos;intestazione in questo foglio: indicare la riga dei titoli delle colonne (per esempio «Codice fiscale», «Cognome», «Nome»).</source>
        <translation>No header found in this sheet: indicate the row with the column titles (for example “Codice fiscale”, “Cognome”, “Nome”).</translation>
    </message>
</context>
<context>
    <name>SignPactDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/pact_page.py" line="-160"/>
        <source>Patto firmato</source>
        <translation>Pact signed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revisione {n} del patto, redatta il {day}. Firmata, diventa il patto in vigore; quella che sostituisce resta nel fascicolo come «sostituito».</source>
        <translation>Revision {n} of the pact, drafted on {day}. Once signed, it becomes the pact in force; the one it replaces stays in the file as “superseded”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Firmato il</source>
        <translation>&amp;Signed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segna come firmato</source>
        <translation>Mark as signed</translation>
    </message>
</context>
<context>
    <name>SimilarPeopleDialog</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/dialogs.py" line="-80"/>
        <source>Persone simili già presenti</source>
        <translation>Similar people already on file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ci sono già fascicoli di persone con nome e data di nascita simili. Controllare che non sia la stessa persona (un codice fiscale scritto male) prima di creare un nuovo fascicolo.</source>
        <translation>There are already files of people with a similar name and birth date. Check that this is not the same person (a mistyped tax code) before creating a new file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cognome e nome</source>
        <translation>Surname and name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data di nascita</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Apri il fascicolo selezionato</source>
        <translation>Open the selected file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crea comunque</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <location filename="../../src/sportello/gui/areas/vertenze.py" line="-41"/>
        <source>Sede della vertenza</source>
        <translation>Crisis case site</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provincia (sigla)</source>
        <translation>Province (code)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lavoratori della sede</source>
        <translation>Workers at the site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salva sede</source>
        <translation>Save site</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>«{text}» non è un numero intero.</source>
        <translation>“{text}” is not a whole number.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../src/sportello/gui/ops.py" line="+60"/>
        <source>Errore imprevisto: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../src/sportello/gui/tasks.py" line="+142"/>
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
    <name>TimeEdit</name>
    <message>
        <location filename="../../src/sportello/gui/kit/inputs.py" line="+67"/>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
</context>
<context>
    <name>TrainingArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/training.py" line="+27"/>
        <source>Formazione</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corsi degli enti accreditati, voucher formativi sul budget dei fondi, presenze alle lezioni e attestati.</source>
        <translation>Courses of accredited providers, training vouchers against the funds&apos; budgets, attendance and certificates.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Catalogo</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fondi</source>
        <translation>Funds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Voucher</source>
        <translation>Vouchers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registro presenze</source>
        <translation>Attendance register</translation>
    </message>
</context>
<context>
    <name>VertenzaDialog</name>
    <message>
        <location filename="../../src/sportello/gui/areas/vertenze.py" line="+127"/>
        <source>Nuova vertenza</source>
        <translation>New crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertenza</source>
        <translation>Crisis case</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sola lettura: le vertenze le modifica un responsabile.</source>
        <translation>Read-only: crisis cases are edited by a team leader.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dati</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sedi</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parti</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tavolo</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coorte</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Non indicato</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Titolo</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azienda</source>
        <translation>Company</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice fiscale dell&apos;azienda</source>
        <translation>Company tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partita IVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regione</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ammortizzatore in vigore</source>
        <translation>Income support in force</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apertura</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accordo firmato</source>
        <translation>Agreement signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIGS dal</source>
        <translation>CIGS from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIGS al</source>
        <translation>CIGS to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiusura</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lavoratori previsti</source>
        <translation>Expected workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Salva dati</source>
        <translation>Save details</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prov.</source>
        <translation>Prov.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lavoratori</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aggiungi sede…</source>
        <translation>Add site…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <location line="+21"/>
        <source>Modifica…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+14"/>
        <source>Rimuovi</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referente e recapito</source>
        <translation>Contact person and details</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aggiungi parte…</source>
        <translation>Add party…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Luogo</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+115"/>
        <source>Decisioni</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Prossimo</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Registra incontro…</source>
        <translation>Record meeting…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elimina</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uscita dalla coorte</source>
        <translation>Cohort exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>da ricollocare</source>
        <translation>to be placed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apri fascicolo</source>
        <translation>Open file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra uscita…</source>
        <translation>Record exit…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Vertenza {code} – {title}</source>
        <translation>Crisis case {code} – {title}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{workers} lavoratori: {exits} usciti dalla coorte, {left} da ricollocare.</source>
        <translation>{workers} workers: {exits} out of the cohort, {left} to be placed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Elencati i primi {n}, per cognome.</source>
        <translation>First {n} listed, by surname.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{place} e online</source>
        <translation>{place} and online</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Incontro del {day}, {where}</source>
        <translation>Meeting of {day}, {where}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Presenti</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verbale</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documenti prodotti</source>
        <translation>Documents produced</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prossimo incontro: {day}</source>
        <translation>Next meeting: {day}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>«{text}» non è un numero intero.</source>
        <translation>“{text}” is not a whole number.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Vertenza creata.</source>
        <translation>Crisis case created.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dati della vertenza salvati.</source>
        <translation>Crisis case details saved.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Togliere la sede di {comune}?</source>
        <translation>Remove the site in {comune}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sede {comune} tolta.</source>
        <translation>Site {comune} removed.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Togliere {name} dal tavolo?</source>
        <translation>Remove {name} from the table?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parte {name} tolta.</source>
        <translation>Party {name} removed.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancellare l&apos;incontro del {day} con il suo verbale?</source>
        <translation>Delete the meeting of {day} and its minutes?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incontro del {day} cancellato.</source>
        <translation>Meeting of {day} deleted.</translation>
    </message>
</context>
<context>
    <name>VertenzaPage</name>
    <message>
        <location filename="../../src/sportello/gui/exchange/import_wizard.py" line="+309"/>
        <source>La vertenza</source>
        <translation>The crisis case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I lavoratori dell&apos;elenco possono essere collegati a una vertenza (il tavolo di crisi da cui provengono): ricevono la situazione lavorativa con i dati del foglio.</source>
        <translation>The workers on the list can be linked to a crisis case (the crisis table they come from): they receive an employment situation with the sheet&apos;s data.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Nessuna vertenza: solo i fascicoli</source>
        <translation>N&amp;o crisis case: files only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Una vertenza &amp;esistente:</source>
        <translation>An &amp;existing crisis case:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Una nuova &amp;vertenza:</source>
        <translation>A new &amp;crisis case:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>es. KON-AT</source>
        <translation>e.g. KON-AT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>es. Konecta Asti</source>
        <translation>e.g. Konecta Asti</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Codice:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Titolo:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;zienda:</source>
        <translation>Compan&amp;y:</translation>
    </message>
</context>
<context>
    <name>VertenzeArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/vertenze.py" line="+32"/>
        <source>Vertenze</source>
        <translation>Crisis cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le crisi aziendali seguite dall&apos;ufficio: azienda, sedi, parti e incontri del tavolo, e come ogni lavoratore è uscito dalla coorte da ricollocare.</source>
        <translation>The company crises followed by the office: company, sites, parties and table meetings, and how each worker left the cohort to be placed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nuova vertenza…</source>
        <translation>New crisis case…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apri…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consulta…</source>
        <translation>View…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertenza</source>
        <translation>Crisis case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} (chiusa)</source>
        <translation>{title} (closed)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lavoratori</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aperti</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usciti</source>
        <translation>Exited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Da ricollocare</source>
        <translation>To be placed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ultimo tavolo</source>
        <translation>Last meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prossimo</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{n} vertenze, {open} aperte; {workers} lavoratori, {left} da ricollocare.</source>
        <translation>{n} crisis cases, {open} open; {workers} workers, {left} to be placed.</translation>
    </message>
</context>
<context>
    <name>VoucherRequestDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="+103"/>
        <location line="+43"/>
        <source>Richiedi voucher</source>
        <translation>Request voucher</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title} — {provider} ({free} posti liberi)</source>
        <translation>{title} — {provider} ({free} seats free)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Corso</source>
        <translation>Course</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{name} — restano {remaining}</source>
        <translation>{name} — {remaining} left</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Fondo</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Importo (€)</source>
        <translation>Amount (€)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Il giorno della richiesta (anche se registrata dopo): le presenze contano da lì</source>
        <translation>The day of the request (even if recorded later): attendance counts from then</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Richiesto il</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>L&apos;importo proposto è il costo del corso. Il voucher impegna il fondo solo all&apos;approvazione.</source>
        <translation>The amount proposed is the course cost. The voucher commits the fund only when approved.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Scegliere il lavoratore.</source>
        <translation>Choose the worker.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun corso programmato o in corso.</source>
        <translation>No course scheduled or in progress.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun fondo attivo.</source>
        <translation>No active fund.</translation>
    </message>
</context>
<context>
    <name>VoucherSettings</name>
    <message>
        <location filename="../../src/sportello/gui/dialogs/settings.py" line="-141"/>
        <source>Un operatore approva i voucher fino a questo importo; oltre, serve un responsabile. Solo un amministratore cambia la soglia.</source>
        <translation>An operator approves vouchers up to this amount; above it, a team leader is needed. Only an administrator changes the threshold.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Salva soglia</source>
        <translation>Save threshold</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Soglia di approvazione (€)</source>
        <translation>Approval threshold (€)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Indicare la soglia, ad esempio 1.500,00.</source>
        <translation>Enter the threshold, for example 1.500,00.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Soglia salvata: {amount}.</source>
        <translation>Threshold saved: {amount}.</translation>
    </message>
</context>
<context>
    <name>VoucherStatusDialog</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_dialogs.py" line="+22"/>
        <source>Cambia stato del voucher</source>
        <translation>Change voucher status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{code} — {worker}, {course}: {status}, {amount}</source>
        <translation>{code} — {worker}, {course}: {status}, {amount}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nuovo stato</source>
        <translation>New status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spesa rendicontata (€)</source>
        <translation>Expense reported (€)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>La spesa passa da impegnata a spesa sul fondo; la parte non spesa torna disponibile.</source>
        <translation>The expense moves from committed to spent on the fund; the unspent part becomes available again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cambia stato</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Da questo stato il voucher non può cambiare.</source>
        <translation>From this status the voucher cannot change.</translation>
    </message>
</context>
<context>
    <name>VouchersPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/path_pages.py" line="+169"/>
        <source>Richiedi voucher…</source>
        <translation>Request voucher…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiede un voucher per un corso del catalogo, pagato da un fondo</source>
        <translation>Requests a voucher for a catalogue course, paid by a fund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approva</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impegna l&apos;importo sul fondo e il posto nel corso (sopra la soglia: solo un responsabile)</source>
        <translation>Commits the amount on the fund and the seat in the course (above the threshold: team leaders only)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cambia stato…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approva, avvia, conclude, ritira o rendiconta il voucher selezionato</source>
        <translation>Approves, starts, completes, withdraws or reports the selected voucher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corso</source>
        <translation>Course</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fondo</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequenza</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} ore su {total}</source>
        <translation>{done} hours of {total}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Richiesto il</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nessun voucher per questo fascicolo.</source>
        <translation>No voucher for this file.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Voucher richiesto: lo approva un responsabile, nell&apos;area Formazione o qui.</source>
        <translation>Voucher requested: a team leader approves it, in the Training area or here.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Voucher {code} approvato: {amount} impegnati sul fondo «{fund}».</source>
        <translation>Voucher {code} approved: {amount} committed on the fund “{fund}”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stato del voucher aggiornato.</source>
        <translation>Voucher status updated.</translation>
    </message>
</context>
<context>
    <name>VouchersTab</name>
    <message>
        <location filename="../../src/sportello/gui/paths/training_tabs.py" line="-420"/>
        <source>Cerca lavoratore</source>
        <translation>Search worker</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutti gli stati</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Codice</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lavoratore</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corso</source>
        <translation>Course</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fondo</source>
        <translation>Fund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importo</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frequenza</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{done} ore su {hours}</source>
        <translation>{done} hours of {hours}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Richiesto il</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Richiedi voucher…</source>
        <translation>Request voucher…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approva</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Impegna l&apos;importo sul fondo e assegna un posto nel corso</source>
        <translation>Commits the amount on the fund and takes a seat on the course</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cambia stato…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendiconta…</source>
        <translation>Report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registra la spesa effettiva del voucher</source>
        <translation>Record the voucher&apos;s actual expense</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tutti i fondi</source>
        <translation>All funds</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tutti i corsi</source>
        <translation>All courses</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>1 voucher</source>
        <translation>1 voucher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} voucher</source>
        <translation>{n} vouchers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun voucher.</source>
        <translation>No vouchers.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Selezionare un voucher per approvarlo, cambiarne lo stato o rendicontarlo.</source>
        <translation>Select a voucher to approve it, change its status or report it.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>speso {amount}</source>
        <translation>spent {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fondo «{fund}»: restano {remaining}</source>
        <translation>fund “{fund}”: {remaining} left</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Voucher {code} richiesto: attende l&apos;approvazione.</source>
        <translation>Voucher {code} requested: awaiting approval.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Voucher {code} approvato: {amount} impegnati sul fondo «{fund}», restano {remaining}.</source>
        <translation>Voucher {code} approved: {amount} committed on the fund “{fund}”, {remaining} left.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Voucher {code}: {status}.</source>
        <translation>Voucher {code}: {status}.</translation>
    </message>
</context>
<context>
    <name>WorkPage</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/path_pages.py" line="-222"/>
        <source>Offerte aperte adatte</source>
        <translation>Open offers that fit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Punteggio</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Ruolo</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <location line="+25"/>
        <source>Azienda</source>
        <translation>Company</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Comune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perché</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Candida all&apos;offerta</source>
        <translation>Apply to the offer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propone il lavoratore per l&apos;offerta selezionata</source>
        <translation>Proposes the worker for the selected offer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Candidature</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aggiorna stato</source>
        <translation>Update status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registra assunzione…</source>
        <translation>Record hire…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assunzione dalla candidatura selezionata: i percorsi di reinserimento si chiudono</source>
        <translation>Hire from the selected application: the reinsertion pathways close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nuovo stato:</source>
        <translation>New status:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assunzioni</source>
        <translation>Hires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Al</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contratto</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ore</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualifica</source>
        <translation>Job title</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progetto d&apos;impresa (Sportello Unico)</source>
        <translation>Business project (Sportello Unico)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fase</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impresa</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATECO</source>
        <translation>ATECO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aperta il</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nuovo progetto d&apos;impresa…</source>
        <translation>New business project…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avvia l&apos;accompagnamento all&apos;autoimpiego; le fasi si seguono nell&apos;area Sportello Unico</source>
        <translation>Starts the self-employment support; the stages are followed in the Sportello Unico area</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Candidatura proposta per «{role}» ({employer}).</source>
        <translation>Application proposed for “{role}” ({employer}).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Candidatura per «{role}»: {status}.</source>
        <translation>Application for “{role}”: {status}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Assunzione registrata presso {employer}: i percorsi di reinserimento aperti sono chiusi come «ricollocato».</source>
        <translation>Hire recorded at {employer}: the open reinsertion pathways are closed as “placed”.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Progetto d&apos;impresa avviato.</source>
        <translation>Business project started.</translation>
    </message>
</context>
<context>
    <name>WorkerFileWindow</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/window.py" line="+309"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ora</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Motivo</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun appuntamento per questo fascicolo.</source>
        <translation>No appointment for this file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prenota…</source>
        <translation>Book…</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&amp;Anagrafica</source>
        <translation>&amp;Personal data</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Contatti e indirizzi</source>
        <translation>&amp;Contacts and addresses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Istruzione e patente</source>
        <translation>&amp;Education and licence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Situazione &amp;lavorativa</source>
        <translation>&amp;Employment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Patto di servizio</source>
        <translation>Service &amp;pact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pe&amp;rcorsi</source>
        <translation>Path&amp;ways</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lavoro e impre&amp;sa</source>
        <translation>Work and b&amp;usiness</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Diario</source>
        <translation>&amp;Diary</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Appunta&amp;menti</source>
        <translation>Appoint&amp;ments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L&amp;ettere</source>
        <translation>L&amp;etters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Voucher</source>
        <translation>&amp;Vouchers</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Accesso ai dati…</source>
        <translation>Data access…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Richiesta di accesso (GDPR): tutti i dati della persona in Excel e PDF</source>
        <translation>Access request (GDPR): all the person&apos;s data in Excel and PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+241"/>
        <source>Ricarica</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Rilegge il fascicolo dal database</source>
        <translation>Read the file again from the database</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+806"/>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="-804"/>
        <source>Salva le modifiche (Ctrl+S)</source>
        <translation>Save the changes (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chiude la finestra (Esc)</source>
        <translation>Close the window (Esc)</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>Scartare le modifiche non salvate e rileggere il fascicolo?</source>
        <translation>Discard the unsaved changes and read the file again?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Fascicolo riletto dal database.</source>
        <translation>File read again from the database.</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Doc&amp;umenti</source>
        <translation>D&amp;ocuments</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>Stato del fascicolo</source>
        <translation>File status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salvare o annullare prima le modifiche all&apos;anagrafica.</source>
        <translation>Save or discard the changes to the personal data first.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sospendi il fascicolo</source>
        <translation>Suspend the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motivo della sospensione (resta nelle note del fascicolo):</source>
        <translation>Reason for the suspension (kept in the file&apos;s notes):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fascicolo {status}.</source>
        <translation>File {status}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+61"/>
        <source>Nuovo fascicolo</source>
        <translation>New file</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Scrivere il codice fiscale: data, luogo di nascita e sesso si compilano da soli.</source>
        <translation>Type the tax code: date and place of birth and sex are filled in by themselves.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sospendi…</source>
        <translation>Suspend…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sospende il fascicolo, indicando il motivo</source>
        <translation>Suspend the file, giving the reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Riapri</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Riporta il fascicolo allo stato aperto</source>
        <translation>Set the file back to open</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fascicolo {status}</source>
        <translation>File {status}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operatore: {name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vertenza: {title}</source>
        <translation>Crisis case: {title}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uscito dalla coorte: {how} ({date})</source>
        <translation>Left the cohort: {how} ({date})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CIGS fino al {date}</source>
        <translation>CIGS until {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NASpI fino al {date}</source>
        <translation>NASpI until {date}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>nata il {date}</source>
        <translation>born on {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nato il {date}</source>
        <translation>born on {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nato/a il {date}</source>
        <translation>born on {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{born} a {place}</source>
        <translation>{born} in {place}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{surname} {name} – fascicolo</source>
        <translation>{surname} {name} – file</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Dal codice fiscale: {summary}</source>
        <translation>From the tax code: {summary}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nessuna modifica da salvare.</source>
        <translation>No changes to save.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Salvato alle {time}.</source>
        <translation>Saved at {time}.</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Fascicolo già presente</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{message}
Si apre il fascicolo esistente; i dati scritti qui non sono stati salvati.</source>
        <translation>{message}
The existing file opens; the data typed here were not saved.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fascicolo non creato.</source>
        <translation>File not created.</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+7"/>
        <source>Fascicolo creato.</source>
        <translation>File created.</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Annotazione aggiunta al diario.</source>
        <translation>Note added to the diary.</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Non salvato</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Non salvato: {field}: {message}</source>
        <translation>Not saved: {field}: {message}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Non salvato: il fascicolo è stato modificato da un altro operatore.</source>
        <translation>Not saved: the file was changed by another operator.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Le vostre modifiche sono state scartate: ecco la versione salvata.</source>
        <translation>Your changes were discarded: this is the saved version.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Versione salvata riletta, con sopra le vostre modifiche: controllare e salvare.</source>
        <translation>Saved version read again, with your changes on top: check and save.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Il nuovo fascicolo non è ancora stato salvato. Salvarlo prima di chiudere?</source>
        <translation>The new file has not been saved yet. Save it before closing?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Il fascicolo di {who} ha modifiche non salvate. Salvarle prima di chiudere?</source>
        <translation>The file of {who} has unsaved changes. Save them before closing?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Modifiche non salvate</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Non salvare</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WorkerListModel</name>
    <message>
        <location filename="../../src/sportello/gui/worker_model.py" line="+49"/>
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
        <source>Data di nascita</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comune di residenza</source>
        <translation>Municipality of residence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location line="+243"/>
        <source>Questa colonna non si può ordinare</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fare clic per ordinare</source>
        <translation>Click to sort</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(eliminato)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>WorkerPicker</name>
    <message>
        <location filename="../../src/sportello/gui/shared/worker_picker.py" line="+75"/>
        <source>Cognome e nome, codice fiscale o telefono</source>
        <translation>Surname and name, tax code or phone</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> (fascicolo chiuso)</source>
        <translation> (file closed)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nessun lavoratore trovato.</source>
        <translation>No worker found.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Scelto: {worker}</source>
        <translation>Chosen: {worker}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun lavoratore scelto.</source>
        <translation>No worker chosen.</translation>
    </message>
</context>
<context>
    <name>WorkersArea</name>
    <message>
        <location filename="../../src/sportello/gui/areas/workers.py" line="+115"/>
        <source>Lavoratori</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cercare per cognome, nome, codice fiscale, telefono o email: bastano poche lettere. Invio apre il fascicolo, Freccia giù scende nell&apos;elenco.</source>
        <translation>Search by surname, name, tax code, phone or e-mail: a few letters are enough. Enter opens the file, Down arrow moves into the list.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cerca un lavoratore: cognome, nome, codice fiscale, telefono… (Ctrl+F)</source>
        <translation>Find a worker: surname, name, tax code, phone… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cerca lavoratore</source>
        <translation>Find worker</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+146"/>
        <source>Nuovo fascicolo</source>
        <translation>New file</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Crea il fascicolo di un nuovo lavoratore (Ctrl+N)</source>
        <translation>Create the file of a new worker (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+140"/>
        <source>Unisci fascicoli…</source>
        <translation>Merge files…</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Selezionare due fascicoli della stessa persona per unirli in uno</source>
        <translation>Select two files of the same person to merge them into one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Azioni sul gruppo…</source>
        <translation>Group actions…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per i fascicoli selezionati (o, con uno solo o nessuno, per tutti quelli dell&apos;elenco): riassegnare, fine CIGS/NASpI, percorso, chiusura, lettera, Excel</source>
        <translation>For the selected files (or, with one or none selected, for all those in the list): reassign, end of CIGS/NASpI, pathway, closure, letter, Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Carichi di lavoro</source>
        <translation>Caseloads</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per ogni operatore: fascicoli aperti, appuntamenti della settimana, scadenze superate</source>
        <translation>For each operator: open files, this week&apos;s appointments, overdue deadlines</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tutte le vertenze</source>
        <translation>All crisis cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutti i percorsi</source>
        <translation>All pathways</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Senza percorso</source>
        <translation>No pathway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutti gli stati</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tutti gli operatori</source>
        <translation>All operators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documenti: tutti</source>
        <translation>Documents: all</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scadenze entro</source>
        <translation>Deadlines within</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Solo chi ha CIGS o NASpI in scadenza, o la verifica del patto, entro i giorni indicati</source>
        <translation>Only people whose CIGS or NASpI ends, or whose pact review falls, within the given days</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> giorni</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giorni alla scadenza</source>
        <translation>Days to the deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azzera filtri</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Apri fascicolo</source>
        <translation>Open file</translation>
    </message>
    <message numerus="yes">
        <location line="+137"/>
        <source>%Ln lavoratori trovati</source>
        <translation>
            <numerusform>%Ln worker found</numerusform>
            <numerusform>%Ln workers found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln lavoratori</source>
        <translation>
            <numerusform>%Ln worker</numerusform>
            <numerusform>%Ln workers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun lavoratore trovato.</source>
        <translation>No workers found.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nessun lavoratore nel database.</source>
        <translation>No workers in the database.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>La lettera prot. {protocol} non è di un fascicolo.</source>
        <translation>Letter prot. {protocol} does not belong to a file.</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Apertura del fascicolo…</source>
        <translation>Opening the file…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Fascicolo</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Fascicolo creato.</source>
        <translation>File created.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>quelli selezionati nell&apos;elenco</source>
        <translation>those selected in the list</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tutti quelli dell&apos;elenco (ricerca e filtri attuali)</source>
        <translation>all those in the list (current search and filters)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nessun fascicolo nell&apos;elenco.</source>
        <translation>No files in the list.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unisci fascicoli</source>
        <translation>Merge files</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selezionare nell&apos;elenco esattamente due fascicoli della stessa persona.</source>
        <translation>Select exactly two files of the same person in the list.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unire il fascicolo di {drop} ({drop_cf}) in quello di {keep} ({keep_cf})?

Il fascicolo {drop_cf} sarà eliminato e la sua storia passerà all&apos;altro. L&apos;operazione non si può annullare.</source>
        <translation>Merge the file of {drop} ({drop_cf}) into that of {keep} ({keep_cf})?

The file {drop_cf} will be deleted and its history will move to the other. This cannot be undone.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Uno dei due fascicoli è aperto con modifiche non salvate: salvarle o chiuderlo, poi unire.</source>
        <translation>One of the two files is open with unsaved changes: save them or close it, then merge.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fascicoli uniti: resta quello di {name} ({cf}).</source>
        <translation>Files merged: the file of {name} ({cf}) remains.</translation>
    </message>
</context>
<context>
    <name>_Cover</name>
    <message>
        <location filename="../../src/sportello/gui/session.py" line="-286"/>
        <source>Sportello è bloccato.</source>
        <translation>Sportello is locked.</translation>
    </message>
</context>
<context>
    <name>_TaskDialog</name>
    <message>
        <location filename="../../src/sportello/gui/letters.py" line="+15"/>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Etichette per la posta…</source>
        <translation>Address labels…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Un foglio A4 di etichette 3×8 (70×37 mm) con l&apos;indirizzo di chi riceve la lettera per posta, per le buste senza finestra</source>
        <translation>An A4 sheet of 3×8 labels (70×37 mm) with the address of those receiving the letter by post, for envelopes without a window</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Etichette — {n}</source>
        <translation>Labels — {n}</translation>
    </message>
</context>
<context>
    <name>agenda</name>
    <message>
        <location filename="../../src/sportello/gui/agenda/common.py" line="+19"/>
        <source>Presente</source>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assente</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giustificato</source>
        <translation>Excused</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/sportello/gui/app.py" line="+62"/>
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
        <location line="+97"/>
        <source>Database aggiornato alla nuova versione; copia di sicurezza: {backup}</source>
        <translation>Database upgraded to the new version; backup copy: {backup}</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Il database è danneggiato: non si può registrare nulla finché non si ripristina una copia di sicurezza ({problem})</source>
        <translation>The database is damaged: nothing can be recorded until a backup copy is restored ({problem})</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+58"/>
        <source>Sportello — database danneggiato</source>
        <translation>Sportello — damaged database</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Il database di Sportello è danneggiato:
{problem}</source>
        <translation>Sportello&apos;s database is damaged:
{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Da ora non si può salvare né aprire un fascicolo (l&apos;apertura viene registrata); elenchi e agenda restano consultabili.

L&apos;ultima copia di sicurezza integra è del {date}:
{file}

Ripristinandola si perde quanto è stato registrato dopo quel momento; il database danneggiato viene conservato in una copia a parte. Sportello poi si chiude: riaprirlo per lavorare.</source>
        <translation>From now on no file can be saved or opened (opening is recorded); lists and the agenda can still be consulted.

The latest good backup copy is of {date}:
{file}

Restoring it loses what was recorded after that moment; the damaged database is kept in a separate copy. Sportello then closes: open it again to work.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Da ora non si può salvare né aprire un fascicolo (l&apos;apertura viene registrata); elenchi e agenda restano consultabili.

Non c&apos;è una copia di sicurezza integra: avvisare l&apos;amministratore, che può ripristinare una copia da File › Amministrazione › Copie di sicurezza.</source>
        <translation>From now on no file can be saved or opened (opening is recorded); lists and the agenda can still be consulted.

There is no good backup copy: tell the administrator, who can restore a copy from File › Administration › Backup copies.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Continua in sola consultazione</source>
        <translation>&amp;Continue read-only</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ripristino completato</source>
        <translation>Restore completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ripristinata la copia del {date}.

Sportello ora si chiude: riaprirlo per lavorare sui dati ripristinati.</source>
        <translation>The copy of {date} has been restored.

Sportello now closes: open it again to work on the restored data.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Il database di Sportello è danneggiato e non può essere usato:
{problem}</source>
        <translation>Sportello&apos;s database is damaged and cannot be used:
{problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>L&apos;ultima copia di sicurezza integra è del {date}:
{file}

Ripristinandola si perde quanto è stato registrato dopo quel momento. Il database danneggiato viene comunque conservato in una copia a parte.</source>
        <translation>The latest sound backup is from {date}:
{file}

Restoring it loses what was recorded after that moment. The damaged database is kept in a separate copy anyway.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Nella copia non c&apos;è un amministratore attivo con questo nome utente e questa password.</source>
        <translation>The copy has no active administrator with this user name and password.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Per ripristinare la copia serve un amministratore: nome utente e password che aveva in quella copia.</source>
        <translation>Restoring the copy needs an administrator: the user name and the password they had in that copy.</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+57"/>
        <source>&amp;Ripristina la copia del {date}</source>
        <translation>&amp;Restore the backup of {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Esci</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Sportello — ripristino non riuscito</source>
        <translation>Sportello — restore failed</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dati dimostrativi</source>
        <translation>Demonstration data</translation>
    </message>
</context>
<context>
    <name>close_buttons</name>
    <message>
        <location filename="../../src/sportello/gui/kit/forms.py" line="-74"/>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../src/sportello/gui/kit/inputs.py" line="-176"/>
        <source>Data non valida: scrivere giorno/mese/anno (es. 03/04/1978).</source>
        <translation>Invalid date: write day/month/year (e.g. 03/04/1978).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ora non valida: scrivere ore e minuti (es. 09:30).</source>
        <translation>Invalid time: type hours and minutes (e.g. 09:30).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Numero non valido: scrivere ad esempio 0,62 oppure 38.</source>
        <translation>Invalid number: write for example 0.62 or 38.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/sportello/gui/worker_file/labels.py" line="+41"/>
        <source>Aperto</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Sospeso</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+21"/>
        <source>Chiuso</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>GOL 1 – Reinserimento lavorativo</source>
        <translation>GOL 1 – Return to work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOL 2 – Aggiornamento (upskilling)</source>
        <translation>GOL 2 – Upskilling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOL 3 – Riqualificazione (reskilling)</source>
        <translation>GOL 3 – Reskilling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOL 4 – Lavoro e inclusione</source>
        <translation>GOL 4 – Work and inclusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GOL 5 – Ricollocazione collettiva</source>
        <translation>GOL 5 – Collective outplacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Autoimpiego</source>
        <translation>Self-employment</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Proposto</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>Concluso</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Interrotto</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ricollocato</source>
        <translation>Re-employed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formato</source>
        <translation>Trained</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun esito</source>
        <translation>No outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Ritirato</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Bozza</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmato</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sostituito</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Colloquio</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefonata</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incontro</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CIGS</source>
        <translation>CIGS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIGS per cessazione</source>
        <translation>CIGS for closure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NASpI</source>
        <translation>NASpI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessuno</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attiva</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sospesa</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decaduta</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prenotato</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annullato</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Presente</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assente</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assenza giustificata</source>
        <translation>Excused absence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Richiesto</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvato</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In corso</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revocato</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendicontato</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>M – maschile</source>
        <translation>M – male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F – femminile</source>
        <translation>F – female</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../src/sportello/gui/ops.py" line="+189"/>
        <source>Operazione non riuscita</source>
        <translation>Operation failed</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <location filename="../../src/sportello/gui/letters.py" line="-444"/>
        <source>Quella del modello (predefinita)</source>
        <translation>The template&apos;s (default)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posta (serve l&apos;indirizzo completo)</source>
        <translation>Post (full address needed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consegna a mano (con ricevuta)</source>
        <translation>By hand (with receipt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail (bozza .eml da inviare)</source>
        <translation>E-mail (.eml draft to send)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEC (bozza .eml da inviare)</source>
        <translation>PEC (.eml draft to send)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatica: posta, altrimenti e-mail, altrimenti a mano</source>
        <translation>Automatic: post, else e-mail, else by hand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatica: per posta a chi ha l&apos;indirizzo completo, altrimenti per e-mail, altrimenti a mano</source>
        <translation>Automatic: by post to those with a full address, otherwise by e-mail, otherwise by hand</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Consegna: {summary}.</source>
        <translation>Delivery: {summary}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bozze e-mail in {folder}.</source>
        <translation>E-mail drafts in {folder}.</translation>
    </message>
</context>
<context>
    <name>paths</name>
    <message>
        <location filename="../../src/sportello/gui/shared/labels.py" line="+34"/>
        <source>Autoimpiego</source>
        <translation>Self-employment</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Proposto</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sospeso</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+42"/>
        <location line="+14"/>
        <source>Concluso</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Interrotto</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ricollocato</source>
        <translation>Placed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formato</source>
        <translation>Trained</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nessun esito</source>
        <translation>No outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Ritirato</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Tempo indeterminato</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tempo determinato</source>
        <translation>Fixed-term</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apprendistato</source>
        <translation>Apprenticeship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Somministrazione</source>
        <translation>Agency work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collaborazione</source>
        <translation>Freelance collaboration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tirocinio</source>
        <translation>Traineeship</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Aperta</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coperta</source>
        <translation>Filled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chiusa</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposta</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inviata all&apos;azienda</source>
        <translation>Sent to the employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colloquio</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assunto</source>
        <translation>Hired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non selezionato</source>
        <translation>Not selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ritirata</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operaio</source>
        <translation>Blue-collar worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impiegato</source>
        <translation>Clerical worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quadro</source>
        <translation>Middle manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apprendista</source>
        <translation>Apprentice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Altro</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Richiesto</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvato</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>In corso</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Revocato</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendicontato</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fondo Nuove Competenze</source>
        <translation>New Skills Fund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fondo interprofessionale</source>
        <translation>Inter-professional fund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programma GOL</source>
        <translation>GOL programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fondo regionale</source>
        <translation>Regional fund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programmato</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annullato</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre-accoglienza</source>
        <translation>Pre-intake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accompagnamento ex ante</source>
        <translation>Ex-ante support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business plan validato</source>
        <translation>Business plan validated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avvio impresa</source>
        <translation>Business start-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutoraggio ex post</source>
        <translation>Ex-post mentoring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ditta individuale</source>
        <translation>Sole proprietorship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lavoro autonomo (libero professionista)</source>
        <translation>Self-employed professional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Società in nome collettivo (S.n.c.)</source>
        <translation>General partnership (S.n.c.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Società in accomandita semplice (S.a.s.)</source>
        <translation>Limited partnership (S.a.s.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Società a responsabilità limitata (S.r.l.)</source>
        <translation>Limited liability company (S.r.l.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S.r.l. semplificata (S.r.l.s.)</source>
        <translation>Simplified S.r.l. (S.r.l.s.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Società cooperativa</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In attesa</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Efficace</source>
        <translation>Effective</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Richiesta integrazione</source>
        <translation>Additions requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Respinta</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Bozza</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentata</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ammessa</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erogata</source>
        <translation>Paid out</translation>
    </message>
    <message>
        <location filename="../../src/sportello/gui/kit/inputs.py" line="+19"/>
        <source>Numero non valido: scrivere ad esempio 4,5 oppure 40.</source>
        <translation>Invalid number: write for example 4.5 or 40.</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Importo non valido: scrivere ad esempio 1.250,00.</source>
        <translation>Invalid amount: write for example 1,250.00.</translation>
    </message>
</context>
</TS>
