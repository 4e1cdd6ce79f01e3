<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="it_IT">
<context>
    <name>AgendaArea</name>
    <message numerus="yes">
        <location filename="../../src/sportello/gui/areas/agenda.py" line="+426"/>
        <source>%n appuntamenti</source>
        <translation>
            <numerusform>%n appuntamento</numerusform>
            <numerusform>%n appuntamenti</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeadlinesPanel</name>
    <message numerus="yes">
        <location filename="../../src/sportello/gui/deadlines_panel.py" line="+412"/>
        <source>%n scadenze</source>
        <translation>
            <numerusform>%n scadenza</numerusform>
            <numerusform>%n scadenze</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message numerus="yes">
        <location filename="../../src/sportello/gui/first_run.py" line="+214"/>
        <source>Chi configura il programma e crea gli altri operatori. La password deve avere almeno %n caratteri, con lettere e cifre.</source>
        <translation>
            <numerusform>Chi configura il programma e crea gli altri operatori. La password deve avere almeno %n carattere, con lettere e cifre.</numerusform>
            <numerusform>Chi configura il programma e crea gli altri operatori. La password deve avere almeno %n caratteri, con lettere e cifre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+217"/>
        <source>Creazione di %Ln lavoratori fittizi…</source>
        <translation>
            <numerusform>Creazione di %Ln lavoratore fittizio…</numerusform>
            <numerusform>Creazione di %Ln lavoratori fittizi…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message numerus="yes">
        <location filename="../../src/sportello/gui/paths/offers.py" line="+518"/>
        <source>%n candidati suggeriti</source>
        <translation>
            <numerusform>%n candidato suggerito</numerusform>
            <numerusform>%n candidati suggeriti</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkersArea</name>
    <message numerus="yes">
        <location filename="../../src/sportello/gui/areas/workers.py" line="+408"/>
        <source>%Ln lavoratori trovati</source>
        <translation>
            <numerusform>%Ln lavoratore trovato</numerusform>
            <numerusform>%Ln lavoratori trovati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln lavoratori</source>
        <translation>
            <numerusform>%Ln lavoratore</numerusform>
            <numerusform>%Ln lavoratori</numerusform>
        </translation>
    </message>
</context>
</TS>
